package org.videoplatform.performance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videoplatform.pitches.entity.SocialPlatform;

class PostDirectoryTest {

    private static final LocalDate POSTED = LocalDate.of(2026, 11, 2);
    private final PostDirectory.Post watchAddress = post(SocialPlatform.YOUTUBE, "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3", null);
    private final PostDirectory.Post otherWatchAddress = post(SocialPlatform.YOUTUBE, "https://www.youtube.com/watch?v=aaaaaaaaaaa", null);
    private final PostDirectory.Post shortAddress = post(SocialPlatform.YOUTUBE, "https://youtube.com/shorts/-HHGH-TTqYM", null);
    private final PostDirectory.Post reel = post(SocialPlatform.FACEBOOK, "https://www.facebook.com/reel/122158000000000001/", null);
    private final PostDirectory.Post byId = post(SocialPlatform.INSTAGRAM, null, "17900000000000001");
    private final PostDirectory.Post photo = post(SocialPlatform.FACEBOOK, "https://www.facebook.com/photo.php?fbid=555&set=a.1", null);
    private final PostDirectory.Post firstClip = post(SocialPlatform.X, "https://x.com/campaign/status/111/video/1", null);
    private final PostDirectory.Post secondClip = post(SocialPlatform.X, "https://x.com/campaign/status/222/video/1", null);
    private final PostDirectory directory = new PostDirectory(List.of(watchAddress, otherWatchAddress, shortAddress, reel, byId, photo,
            firstClip, secondClip));

    private static PostDirectory.Post post(SocialPlatform platform, String url, String postId) {
        return new PostDirectory.Post(UUID.randomUUID(), platform, url, postId, POSTED);
    }

    private Optional<PostDirectory.Post> find(SocialPlatform platform, String... references) {
        return directory.find(platform, List.of(references));
    }

    @Test
    void youTubeExportsNameVideosByTheIdInTheirAddress() {
        assertEquals(Optional.of(watchAddress), find(SocialPlatform.YOUTUBE, "dQw4w9WgXcQ"));
        assertEquals(Optional.of(otherWatchAddress), find(SocialPlatform.YOUTUBE, "https://www.youtube.com/watch?v=aaaaaaaaaaa"));
        assertEquals(Optional.of(shortAddress), find(SocialPlatform.YOUTUBE, "-HHGH-TTqYM"));
        assertTrue(find(SocialPlatform.YOUTUBE, "watch").isEmpty(), "the path every watch address shares names no video");
        assertTrue(find(SocialPlatform.YOUTUBE, "https://www.youtube.com/watch?v=zzzzzzzzzzz").isEmpty());
    }

    @Test
    void metaExportsNameAPostByIdOrPermalink() {
        assertEquals(Optional.of(reel), find(SocialPlatform.FACEBOOK, "999", "https://www.facebook.com/reel/122158000000000001"));
        assertEquals(Optional.of(reel), find(SocialPlatform.FACEBOOK, "122158000000000001"));
        assertEquals(Optional.of(byId), find(SocialPlatform.INSTAGRAM, "17900000000000001", "https://www.instagram.com/reel/C0abcDEF/"));
        assertTrue(find(SocialPlatform.FACEBOOK, "17900000000000001").isEmpty(), "an Instagram post is not a Facebook one");
    }

    @Test
    void aNameTwoPostsShareNamesNeither() {
        assertEquals(Optional.of(secondClip), find(SocialPlatform.X, "https://x.com/campaign/status/222/video/1"));
        assertEquals(Optional.of(photo), find(SocialPlatform.FACEBOOK, "555"));
        assertTrue(find(SocialPlatform.FACEBOOK, "photo.php").isEmpty());
    }

    /** An export may carry other accounts' videos; one that also ends in /video/1 is not the campaign's only clip. */
    @Test
    void aShortLastPartNamesNoPost() {
        PostDirectory onlyClip = new PostDirectory(List.of(firstClip));

        assertEquals(Optional.of(firstClip), onlyClip.find(SocialPlatform.X, List.of("https://x.com/campaign/status/111/video/1")));
        assertTrue(onlyClip.find(SocialPlatform.X, List.of("https://x.com/other/status/999/video/1")).isEmpty());
    }
}
