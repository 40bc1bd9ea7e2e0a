package org.videoplatform.members.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.videoplatform.members.control.AccountServiceFailed;
import org.videoplatform.members.control.KeycloakAccounts;
import org.videoplatform.members.entity.Member;
import org.videoplatform.members.entity.MemberState;

/**
 * Keeps members' Keycloak accounts open, closed or deleted as their state says. A suspension,
 * revocation, reinstatement or erasure is the platform's to record, and the API follows it from its
 * commit on, so it does not wait for Keycloak: the change commits with the member marked out of
 * step, Keycloak is told right after, and when it does not answer every node's sweep tries again
 * until it does. Until then a suspended or erased member can still sign in to Keycloak, and the
 * API refuses every token they get.
 */
@Singleton
@DependsOn("SchemaMigrations") // its timer starts with the deployment, before a fresh database has its tables
@Lock(LockType.READ)
@PermitAll
public class AccountsInStep {

    private static final Logger LOG = Logger.getLogger(AccountsInStep.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    KeycloakAccounts accounts;

    @Resource
    SessionContext session;

    /** Members whose account this node has already said it could not bring in step. */
    private final Set<UUID> reported = ConcurrentHashMap.newKeySet();

    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        em.createNamedQuery(Member.ACCOUNTS_OUT_OF_STEP, UUID.class).getResultList().forEach(this::tryToBringInStep);
    }

    /**
     * For a change of state just committed with the member marked out of step: Keycloak is told
     * now, and whatever goes wrong, the change stands and the sweep tries again.
     *
     * @return the member as they are once Keycloak has been told, or not
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Member followedByKeycloak(Member committed) {
        if (committed.keycloakUserId() == null) {
            return committed;
        }
        tryToBringInStep(committed.id());
        return em.find(Member.class, committed.id());
    }

    private void tryToBringInStep(UUID memberId) {
        try {
            session.getBusinessObject(AccountsInStep.class).retry(memberId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not bring the Keycloak account of member " + memberId + " in step; the sweep tries again", e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void retry(UUID memberId) {
        // Another node's sweep, or a lead changing the member's state, holds it: theirs is the newer word.
        if (em.createNativeQuery("SELECT id FROM members WHERE id = ?1 AND account_out_of_step FOR UPDATE SKIP LOCKED")
                .setParameter(1, memberId).getResultList().isEmpty()) {
            return;
        }
        Member member = em.find(Member.class, memberId);
        String account;
        try {
            account = follow(member);
        } catch (AccountServiceFailed e) {
            // Said once, not at every sweep: an account deleted by hand in Keycloak stays out of step until an admin acts.
            if (reported.add(memberId)) {
                LOG.warning(() -> "The Keycloak account of member " + memberId + " stays out of step, tried again every 20 s: " + e.getMessage());
            }
            return;
        }
        // Not through the entity: its version would change under a lead's edit of the member waiting on this row's lock.
        em.createNativeQuery("UPDATE members SET account_out_of_step = false WHERE id = ?1").setParameter(1, memberId).executeUpdate();
        reported.remove(memberId);
        LOG.info(() -> "The Keycloak account of member " + memberId + " is " + account + " now, as their state says");
    }

    /** @return what the account now is: deleted, open or closed */
    private String follow(Member member) {
        if (member.state() == MemberState.ERASED) {
            accounts.deleteAccount(member.keycloakUserId());
            return "deleted";
        }
        accounts.matchAccess(member.keycloakUserId(), member.hasAccess());
        return member.hasAccess() ? "open" : "closed";
    }
}
