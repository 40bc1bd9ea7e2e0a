package org.videoplatform.members.control;

import jakarta.ejb.ApplicationException;

/**
 * Keycloak could not be reached or refused the change. The decision that needed it rolls back, so
 * nothing is recorded that the identity provider does not reflect; the lead can simply try again.
 */
@ApplicationException(rollback = true)
public class AccountServiceFailed extends RuntimeException {

    public AccountServiceFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
