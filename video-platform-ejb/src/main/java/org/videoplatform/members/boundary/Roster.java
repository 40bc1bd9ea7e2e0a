package org.videoplatform.members.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.members.control.LikePatterns;
import org.videoplatform.members.control.ParsedRoster;
import org.videoplatform.members.control.RosterCsv;
import org.videoplatform.members.control.RosterRow;
import org.videoplatform.members.entity.RosterEntry;
import org.videoplatform.platform.entity.Timestamps;

/**
 * The membership roster: admins import it, leads and admins look people up in it. Members missing
 * from a later file are kept; the roster's status column says who has lapsed or left.
 */
@Stateless
@RolesAllowed({"video-lead", "admin"}) // a method added without a role of its own is still the staff's alone
public class Roster {

    /** PostgreSQL takes far more bind parameters, but a few thousand per query keeps plans cheap. */
    private static final int LOOKUP_BATCH = 1000;
    public static final int MAX_SEARCH_RESULTS = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** Adds new members and updates changed ones in one transaction: an import lands whole or not at all. */
    @RolesAllowed("admin")
    public RosterImportReport importFile(byte[] file, Actor admin) {
        ParsedRoster parsed = RosterCsv.parse(file);
        // One import at a time: two at once (a second click, a retry) would both add the same new
        // numbers, and the second would fail on them; waiting, it finds them added and unchanged.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('roster imports'))").getResultList();
        OffsetDateTime now = Timestamps.now();
        Map<String, RosterEntry> existing = existingEntries(parsed.rows());
        int created = 0;
        int updated = 0;
        for (RosterRow row : parsed.rows()) {
            RosterEntry entry = existing.get(row.membershipNumber());
            if (entry == null) {
                em.persist(new RosterEntry(row.membershipNumber(), row.fullName(), row.email(), row.postcode(), row.status(), now));
                created++;
            } else if (entry.update(row.fullName(), parsed.hasEmails() ? row.email() : entry.email(),
                    parsed.hasPostcodes() ? row.postcode() : entry.postcode(), row.status(), now)) {
                updated++;
            }
        }
        int unchanged = parsed.rows().size() - created - updated;
        RosterImportReport report = new RosterImportReport(UUID.randomUUID(), created, updated, unchanged,
                parsed.duplicateRows(), parsed.problems());
        audit.record(new AuditEntry(admin, "roster.imported", "roster-import", report.importId().toString(),
                String.format(Locale.ROOT, "%d added, %d updated, %d unchanged, %d lines rejected",
                        created, updated, unchanged, parsed.problems().size())));
        return report;
    }

    /** Members whose name, email, membership number or postcode contains the term, by name. */
    @RolesAllowed({"video-lead", "admin"})
    public List<RosterEntry> search(String term, int limit) {
        return em.createNamedQuery(RosterEntry.SEARCH, RosterEntry.class)
                .setParameter("term", LikePatterns.containing(term))
                .setMaxResults(Math.max(1, Math.min(limit, MAX_SEARCH_RESULTS)))
                .getResultList();
    }

    private Map<String, RosterEntry> existingEntries(List<RosterRow> rows) {
        Map<String, RosterEntry> existing = new HashMap<>();
        List<String> numbers = rows.stream().map(RosterRow::membershipNumber).toList();
        for (int from = 0; from < numbers.size(); from += LOOKUP_BATCH) {
            List<String> batch = numbers.subList(from, Math.min(numbers.size(), from + LOOKUP_BATCH));
            em.createNamedQuery(RosterEntry.BY_NUMBERS, RosterEntry.class)
                    .setParameter("numbers", batch)
                    .getResultStream()
                    .forEach(entry -> existing.put(entry.membershipNumber(), entry));
        }
        return existing;
    }
}
