package org.videoplatform.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * Input that cannot be used as it stands; the API answers 400 with the message, naming the field
 * when there is one to fix (a roster file that is not UTF-8 has none).
 */
@ApplicationException(rollback = true)
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field to fix, or null when the input as a whole is unusable. */
    public String field() {
        return field;
    }
}
