package org.videoplatform.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * A request that clashes with the state of a record (an illegal transition, a second vetting, an
 * account Keycloak will not reuse). The message says what the record allows instead; the API
 * answers 409 with it. Subclasses only word the message.
 */
@ApplicationException(rollback = true)
public abstract class Conflict extends RuntimeException {

    protected Conflict(String message) {
        super(message);
    }
}
