package org.videoplatform.members.boundary;

import jakarta.ejb.ApplicationException;

/** A vetting decision that cannot be taken now (the attendee is not checked in, say). */
@ApplicationException(rollback = true)
public class VettingRefused extends RuntimeException {

    public VettingRefused(String message) {
        super(message);
    }
}
