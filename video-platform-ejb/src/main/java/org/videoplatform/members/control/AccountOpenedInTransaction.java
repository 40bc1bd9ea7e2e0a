package org.videoplatform.members.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Undoes in Keycloak what a vetting did there when the vetting then does not commit. Keycloak is
 * not part of the transaction: without this, a vetting whose commit failed would leave a producer
 * account no member record points to, which the platform could neither show nor revoke, or a
 * revoked member's account open again.
 */
public final class AccountOpenedInTransaction implements Synchronization {

    private static final Logger LOG = Logger.getLogger(AccountOpenedInTransaction.class.getName());

    private final KeycloakAccounts accounts;
    private final String userId;
    private final boolean created;

    /** @param created whether the vetting made the account, or re-opened one it had closed before */
    public AccountOpenedInTransaction(KeycloakAccounts accounts, String userId, boolean created) {
        this.accounts = accounts;
        this.userId = userId;
        this.created = created;
    }

    @Override
    public void beforeCompletion() {
        // Nothing to do until the outcome is known.
    }

    @Override
    public void afterCompletion(int status) {
        if (status != Status.STATUS_ROLLEDBACK) {
            if (status != Status.STATUS_COMMITTED) {
                // Undoing what may have been committed could lock a member out; an admin decides.
                LOG.warning(() -> "The vetting that opened Keycloak account " + userId + " ended in transaction status " + status
                        + ": check that a member record points to it");
            }
            return;
        }
        try {
            if (created) {
                accounts.deleteAccount(userId);
                LOG.info(() -> "Deleted Keycloak account " + userId + ": the vetting that opened it did not commit");
            } else {
                accounts.matchAccess(userId, false);
                LOG.info(() -> "Closed Keycloak account " + userId + " again: the vetting that re-opened it did not commit");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Keycloak account " + userId + " was " + (created ? "opened" : "re-opened")
                    + " by a vetting that did not commit and could not be " + (created ? "deleted" : "closed again")
                    + "; it holds the producer role while the platform has no active member for it. "
                    + (created ? "Delete" : "Disable") + " it in Keycloak.", e);
        }
    }
}
