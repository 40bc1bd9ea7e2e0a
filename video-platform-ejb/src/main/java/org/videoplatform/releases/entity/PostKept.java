package org.videoplatform.releases.entity;

import org.videoplatform.platform.entity.Conflict;

/** A recorded post that cannot be taken off its release, and why. */
public class PostKept extends Conflict {

    public PostKept(String why) {
        super("This post stays: " + why);
    }
}
