package org.videoplatform.audit.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.videoplatform.audit.entity.AuditEntry;

@Stateless
public class AuditTrail {

    public static final int MAX_PAGE = 500;

    @PersistenceContext
    EntityManager em;

    /**
     * Writes an entry inside the caller's transaction, never one of its own: an entry must not
     * outlive a decision that rolled back, nor a decision go unrecorded.
     */
    @PermitAll // the deciding boundary has already checked the caller's role
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEntry entry) {
        em.persist(entry);
    }

    /** Entries a person took or that concern one of the given records, for a personal-data export. */
    @RolesAllowed("admin")
    public List<AuditEntry> concerning(String actorId, List<String> subjectIds) {
        return em.createNamedQuery(AuditEntry.CONCERNING, AuditEntry.class)
                .setParameter("actor", actorId == null ? "" : actorId)
                .setParameter("subjects", subjectIds.isEmpty() ? List.of("") : subjectIds)
                .getResultList();
    }

    /**
     * The one change the trail allows: replacing an erased person's identity with a pseudonym in the
     * entries they took. What was decided, when and why stays as it was.
     */
    @RolesAllowed("admin")
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int pseudonymise(String actorId, String pseudonym) {
        return em.createNamedQuery(AuditEntry.PSEUDONYMISE)
                .setParameter("actor", actorId)
                .setParameter("pseudonym", pseudonym)
                .executeUpdate();
    }

    @RolesAllowed({"video-lead", "admin"})
    public List<AuditEntry> newestFirst(int limit) {
        return em.createNamedQuery(AuditEntry.NEWEST_FIRST, AuditEntry.class)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
    }
}
