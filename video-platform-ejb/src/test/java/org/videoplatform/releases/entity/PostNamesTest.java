package org.videoplatform.releases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostNamesTest {

    @Test
    void everyAddressOfOneVideoGivesItsId() {
        assertEquals(Optional.of("dQw4w9WgXcQ"), PostNames.idIn("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42"));
        assertEquals(Optional.of("dQw4w9WgXcQ"), PostNames.idIn("https://youtu.be/dQw4w9WgXcQ"));
        assertEquals(Optional.of("dQw4w9WgXcQ"), PostNames.idIn("https://www.youtube.com/shorts/dQw4w9WgXcQ/"));
        assertEquals(Optional.of("122158000000000001"), PostNames.idIn("https://www.facebook.com/permalink.php?story_fbid=122158000000000001&id=1"));
    }

    @Test
    void aShortLastPartIsNoId() {
        assertEquals(Optional.empty(), PostNames.idIn("https://x.com/campaign/status/1790000000000000000/video/1"),
                "every video of a post on x.com ends in /video/1");
        assertEquals(Optional.empty(), PostNames.idIn("dQw4w9WgXcQ"), "an id as given is no address");
    }
}
