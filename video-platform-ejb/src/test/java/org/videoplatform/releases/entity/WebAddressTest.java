package org.videoplatform.releases.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.platform.entity.InvalidInput;

/** Share links and posts send people to these addresses. */
class WebAddressTest {

    @Test
    void takesWebAddressesHoweverTheSchemeIsCapitalisedAndKeepsItInLowerCase() {
        assertDoesNotThrow(() -> PlatformPost.webAddress("url", "https://www.tiktok.com/@campaign/video/1"));
        assertEquals("https://www.youtube.com/watch?v=1", PlatformPost.webAddress("url", "Https://www.youtube.com/watch?v=1"),
                "as a phone capitalises it, kept as a post's address is compared with exports");
    }

    @Test
    void aPostsAddressIsOnItsPlatform() {
        assertDoesNotThrow(() -> PlatformPost.requireOn(SocialPlatform.TIKTOK, "https://vm.tiktok.com/ZM123/"));
        assertDoesNotThrow(() -> PlatformPost.requireOn(SocialPlatform.YOUTUBE, "https://youtu.be/abc"));
        assertDoesNotThrow(() -> PlatformPost.requireOn(SocialPlatform.X, "https://twitter.com/campaign/status/1"));
        assertDoesNotThrow(() -> PlatformPost.requireOn(SocialPlatform.FACEBOOK, "https://M.Facebook.com/reel/1"));
        InvalidInput wrong = assertThrows(InvalidInput.class,
                () -> PlatformPost.requireOn(SocialPlatform.FACEBOOK, "https://www.youtube.com/watch?v=abc"));
        assertEquals("url", wrong.field());
        assertEquals("is on www.youtube.com, not Facebook: a post on Facebook has its address on facebook.com or fb.com or fb.watch."
                + " Check the platform chosen", wrong.getMessage());
        assertThrows(InvalidInput.class, () -> PlatformPost.requireOn(SocialPlatform.YOUTUBE, "https://notyoutube.com/watch?v=abc"),
                "a lookalike host is not the platform's");
    }

    @Test
    void refusesScriptsAndOtherSchemesNamingTheFieldSent() {
        assertEquals("targetUrl", assertThrows(InvalidInput.class, () -> PlatformPost.webAddress("targetUrl", "javascript:alert(1)")).field());
        assertEquals("url", assertThrows(InvalidInput.class, () -> PlatformPost.webAddress("url", "data:text/html,hi")).field());
        assertEquals("url", assertThrows(InvalidInput.class, () -> PlatformPost.webAddress("url", "https://")).field());
    }

    @Test
    void aNameBeforeTheHostIsRefusedAndLettersBeyondAsciiAreEscapedAsBrowsersEscapeThem() {
        InvalidInput disguised = assertThrows(InvalidInput.class,
                () -> PlatformPost.webAddress("url", "https://evil.example\u042F@www.youtube.com/watch?v=abcdefghijk"));
        assertEquals("must not have a name and an @ before the host: that hides where the address really leads", disguised.getMessage());
        assertThrows(InvalidInput.class, () -> PlatformPost.webAddress("url", "https://campaign@www.youtube.com/watch?v=1"));
        assertEquals("https://www.facebook.com/%D0%9A%D0%B0%D0%BC%D0%BF%D0%B0%D0%BD%D0%B8%D1%8F/videos/1",
                PlatformPost.webAddress("url", "https://www.facebook.com/\u041A\u0430\u043C\u043F\u0430\u043D\u0438\u044F/videos/1"));
        assertEquals("https://www.tiktok.com/@campaign/video/1", PlatformPost.webAddress("url", "https://www.tiktok.com/@campaign/video/1"),
                "an @ in the path names an account, not the host");
    }
}
