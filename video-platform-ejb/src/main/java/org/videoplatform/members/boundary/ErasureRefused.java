package org.videoplatform.members.boundary;

import org.videoplatform.platform.entity.Conflict;

/** An erasure that must go another way: a member's workshop records go with the member's own erasure. */
public class ErasureRefused extends Conflict {

    public ErasureRefused(String message) {
        super(message);
    }
}
