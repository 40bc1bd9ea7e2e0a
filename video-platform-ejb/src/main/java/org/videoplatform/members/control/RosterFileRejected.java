package org.videoplatform.members.control;

import jakarta.ejb.ApplicationException;

/** The file as a whole cannot be read as a roster (not UTF-8, no header, required columns missing). */
@ApplicationException(rollback = true)
public class RosterFileRejected extends RuntimeException {

    public RosterFileRejected(String message) {
        super(message);
    }
}
