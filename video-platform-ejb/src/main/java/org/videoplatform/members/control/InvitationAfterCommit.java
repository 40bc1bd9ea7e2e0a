package org.videoplatform.members.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Has Keycloak email a vetted member the link to set their password once the vetting has
 * committed. Sent before, a vetting that then rolled back would leave them holding a link to an
 * account that was deleted with it, or to a re-opened one while they are not a member again.
 */
public final class InvitationAfterCommit implements Synchronization {

    private static final Logger LOG = Logger.getLogger(InvitationAfterCommit.class.getName());

    private final KeycloakAccounts accounts;
    private final String userId;

    public InvitationAfterCommit(KeycloakAccounts accounts, String userId) {
        this.accounts = accounts;
        this.userId = userId;
    }

    @Override
    public void beforeCompletion() {
        // The email waits for the outcome.
    }

    @Override
    public void afterCompletion(int status) {
        if (status != Status.STATUS_COMMITTED) {
            return;
        }
        try {
            accounts.sendInvitation(userId);
        } catch (RuntimeException e) {
            // The vetting stands: the lead was shown the temporary password to hand over.
            LOG.log(Level.WARNING, "Invitation email for Keycloak account " + userId + " not sent", e);
        }
    }
}
