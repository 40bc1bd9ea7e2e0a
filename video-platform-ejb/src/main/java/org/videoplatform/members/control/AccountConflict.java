package org.videoplatform.members.control;

import org.videoplatform.platform.entity.Conflict;

/**
 * Keycloak refused the change for a reason trying again will not fix: the email belongs to an
 * account the platform did not open, or to one with more than the producer role.
 */
public class AccountConflict extends Conflict {

    public AccountConflict(String message) {
        super(message);
    }
}
