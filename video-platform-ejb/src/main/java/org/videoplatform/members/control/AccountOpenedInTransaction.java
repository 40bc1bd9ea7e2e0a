package org.videoplatform.members.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes an account Keycloak opened during a transaction that then did not commit. Keycloak is
 * not part of the transaction: without this, a vetting whose commit failed would leave a producer
 * account no member record points to, which the platform could neither show nor revoke.
 */
public final class AccountOpenedInTransaction implements Synchronization {

    private static final Logger LOG = Logger.getLogger(AccountOpenedInTransaction.class.getName());

    private final KeycloakAccounts accounts;
    private final String userId;

    public AccountOpenedInTransaction(KeycloakAccounts accounts, String userId) {
        this.accounts = accounts;
        this.userId = userId;
    }

    @Override
    public void beforeCompletion() {
        // Nothing to do until the outcome is known.
    }

    @Override
    public void afterCompletion(int status) {
        if (status != Status.STATUS_ROLLEDBACK) {
            if (status != Status.STATUS_COMMITTED) {
                // Deleting an account whose member may have been committed would lock them out; an admin decides.
                LOG.warning(() -> "The vetting that opened Keycloak account " + userId + " ended in transaction status " + status
                        + ": check that a member record points to it");
            }
            return;
        }
        try {
            accounts.deleteAccount(userId);
            LOG.info(() -> "Deleted Keycloak account " + userId + ": the vetting that opened it did not commit");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Keycloak account " + userId + " was opened by a vetting that did not commit and could not be "
                    + "deleted; it holds the producer role with no member record. Delete it in Keycloak.", e);
        }
    }
}
