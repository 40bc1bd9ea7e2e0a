package org.videoplatform.pitches.entity;

import org.videoplatform.platform.entity.InvalidInput;

/** A pitch that cannot take a step as it stands, naming the field to fix. */
public class InvalidPitch extends InvalidInput {

    public InvalidPitch(String field, String message) {
        super(field, message);
    }
}
