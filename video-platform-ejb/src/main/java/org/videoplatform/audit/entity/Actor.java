package org.videoplatform.audit.entity;

/**
 * Who took a decision: the person's stable identity-provider id and the name shown at the time.
 */
public record Actor(String id, String name) {

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("An actor needs an id");
        }
        name = name == null || name.isBlank() ? id : name.strip();
    }
}
