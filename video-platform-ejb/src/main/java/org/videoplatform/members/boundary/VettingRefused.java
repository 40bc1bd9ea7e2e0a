package org.videoplatform.members.boundary;

import org.videoplatform.platform.entity.Conflict;

/** A vetting decision that cannot be taken now (the attendee is not checked in, say). */
public class VettingRefused extends Conflict {

    public VettingRefused(String message) {
        super(message);
    }
}
