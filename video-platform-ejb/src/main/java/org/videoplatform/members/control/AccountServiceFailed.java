package org.videoplatform.members.control;

import jakarta.ejb.ApplicationException;

/**
 * Keycloak could not be reached or refused the change. A vetting that needed it rolls back, so
 * nothing is recorded that the identity provider does not reflect, and the lead can simply try
 * again; a change of access or an erasure is recorded all the same, and its account follows
 * (AccountsInStep).
 */
@ApplicationException(rollback = true)
public class AccountServiceFailed extends RuntimeException {

    public AccountServiceFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
