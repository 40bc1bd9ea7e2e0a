package org.videoplatform.members.control;

import jakarta.ejb.ApplicationException;

/**
 * Keycloak refused the change for a reason trying again will not fix: the email belongs to an
 * account the platform did not open, or to one with more than the producer role.
 */
@ApplicationException(rollback = true)
public class AccountConflict extends RuntimeException {

    public AccountConflict(String message) {
        super(message);
    }
}
