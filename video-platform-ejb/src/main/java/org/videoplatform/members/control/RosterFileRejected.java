package org.videoplatform.members.control;

import org.videoplatform.platform.entity.InvalidInput;

/** The file as a whole cannot be read as a roster (not UTF-8, no header, required columns missing). */
public class RosterFileRejected extends InvalidInput {

    public RosterFileRejected(String message) {
        super(null, message);
    }
}
