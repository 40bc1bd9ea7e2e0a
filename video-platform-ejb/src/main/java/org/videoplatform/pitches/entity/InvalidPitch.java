package org.videoplatform.pitches.entity;

import jakarta.ejb.ApplicationException;

/** A pitch that cannot take a step as it stands, naming the field to fix. */
@ApplicationException(rollback = true)
public class InvalidPitch extends RuntimeException {

    private final String field;

    public InvalidPitch(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
