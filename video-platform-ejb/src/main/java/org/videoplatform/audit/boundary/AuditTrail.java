package org.videoplatform.audit.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.videoplatform.audit.entity.AuditEntry;

@Stateless
public class AuditTrail {

    public static final int MAX_PAGE = 500;
    /** Where the name of each kind of subject is; the trail holds only its type and id. */
    /** The ids as uuids, so the primary key finds them: compared as text, every row of the table was read. */
    private static final String AMONG = " WHERE x.id = ANY(CAST(string_to_array(?1, ',') AS uuid[]))";
    private static final Map<String, String> NAMES = Map.of(
            "member", "SELECT x.id::text, x.full_name FROM members x" + AMONG,
            "attendee", "SELECT x.id::text, x.full_name FROM workshop_attendees x" + AMONG,
            "pitch", "SELECT x.id::text, x.title FROM pitches x" + AMONG,
            "production", "SELECT x.id::text, x.title FROM productions x" + AMONG,
            "media", "SELECT x.id::text, p.title || ': ' || x.original_name FROM media_assets x JOIN productions p ON p.id = x.production_id" + AMONG,
            "checklist-item", "SELECT x.id::text, x.title FROM checklist_items x" + AMONG);

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
     * entries they took and in the reasons that are their name. What was decided, when and why
     * stays as it was.
     */
    @RolesAllowed("admin")
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int pseudonymise(String accountId, String pseudonym) {
        int named = em.createNamedQuery(AuditEntry.PSEUDONYMISE_NAMED)
                .setParameter("actor", accountId)
                .setParameter("pseudonym", pseudonym)
                .executeUpdate();
        return named + em.createNamedQuery(AuditEntry.PSEUDONYMISE)
                .setParameter("actor", accountId)
                .setParameter("pseudonym", pseudonym)
                .executeUpdate();
    }

    /**
     * @param after the last entry of the page before, whose followers in the same order make this page (entries
     *        taken in the same microsecond included); null for the newest
     * @return empty when that entry is not in the trail
     */
    @RolesAllowed({"video-lead", "admin"})
    public Optional<List<AuditEntry>> newestFirst(int limit, UUID after) {
        TypedQuery<AuditEntry> page;
        if (after == null) {
            page = em.createNamedQuery(AuditEntry.NEWEST_FIRST, AuditEntry.class);
        } else {
            AuditEntry last = em.find(AuditEntry.class, after);
            if (last == null) {
                return Optional.empty();
            }
            page = em.createNamedQuery(AuditEntry.NEWEST_BEFORE, AuditEntry.class).setParameter("at", last.occurredAt()).setParameter("id", after);
        }
        return Optional.of(page.setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE))).getResultList());
    }

    /**
     * What each entry is about, by the name a lead knows it by (a member's or attendee's name, a
     * pitch's or production's title, a cut's file name), keyed by {@link AuditEntry#subjectKey()}; entries about
     * something without a name (an import) or no longer there are left out.
     */
    @RolesAllowed({"video-lead", "admin"})
    public Map<String, String> subjectNames(List<AuditEntry> entries) {
        Map<String, String> names = new HashMap<>();
        entries.stream().collect(Collectors.groupingBy(AuditEntry::subjectType, Collectors.mapping(AuditEntry::subjectId, Collectors.toSet())))
                .forEach((type, ids) -> {
                    String query = NAMES.get(type);
                    if (query == null) {
                        return;
                    }
                    String uuids = ids.stream().filter(AuditTrail::isUuid).collect(Collectors.joining(","));
                    if (uuids.isEmpty()) {
                        return;
                    }
                    for (Object found : em.createNativeQuery(query).setParameter(1, uuids).getResultList()) {
                        Object[] row = (Object[]) found;
                        names.put(AuditEntry.subjectKey(type, (String) row[0]), (String) row[1]);
                    }
                });
        return names;
    }

    /** Only an id PostgreSQL reads as a uuid: Java also takes shortened forms such as "1-1-1-1-1". */
    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
