package org.videoplatform.releases.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
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
    void refusesScriptsAndOtherSchemesNamingTheFieldSent() {
        assertEquals("targetUrl", assertThrows(InvalidInput.class, () -> PlatformPost.webAddress("targetUrl", "javascript:alert(1)")).field());
        assertEquals("url", assertThrows(InvalidInput.class, () -> PlatformPost.webAddress("url", "data:text/html,hi")).field());
        assertEquals("url", assertThrows(InvalidInput.class, () -> PlatformPost.webAddress("url", "https://")).field());
    }
}
