package org.videoplatform.releases.entity;

import java.util.Locale;
import org.videoplatform.platform.entity.Conflict;

/**
 * A post recorded a second time. Imported figures find their post by its address or id; two
 * records of one post would leave every line about it matching both, and kept by neither.
 */
public class PostAlreadyRecorded extends Conflict {

    public PostAlreadyRecorded(PlatformPost recorded) {
        super("This " + recorded.platform().name().toLowerCase(Locale.ROOT) + " post is already recorded, on the release of “"
                + recorded.release().production().title() + "”: each post is recorded once");
    }
}
