package org.videoplatform.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.videoplatform.platform.entity.Timestamps;

/**
 * One decision, as it was taken. Entries are never changed once written: there are no setters
 * and every column is insert-only. The single exception is erasure, which replaces an erased
 * person's identity with a pseudonym ({@code AuditTrail.pseudonymise}): where they acted, and
 * where a reason holds their name.
 */
@Entity
@Table(name = "audit_entries")
@NamedQuery(name = AuditEntry.NEWEST_FIRST, query = "SELECT e FROM AuditEntry e ORDER BY e.occurredAt DESC, e.id")
// The bound on its own first, so the index starts at the page instead of the newest entry.
@NamedQuery(name = AuditEntry.NEWEST_BEFORE, query = "SELECT e FROM AuditEntry e WHERE e.occurredAt <= :at"
        + " AND (e.occurredAt < :at OR e.id > :id) ORDER BY e.occurredAt DESC, e.id")
@NamedQuery(name = AuditEntry.CONCERNING,
        query = "SELECT e FROM AuditEntry e WHERE e.actorId = :actor OR e.namedAccount = :actor OR e.subjectId IN :subjects ORDER BY e.occurredAt")
@NamedQuery(name = AuditEntry.PSEUDONYMISE,
        query = "UPDATE AuditEntry e SET e.actorId = :pseudonym, e.actorName = :pseudonym WHERE e.actorId = :actor")
@NamedQuery(name = AuditEntry.PSEUDONYMISE_NAMED,
        query = "UPDATE AuditEntry e SET e.reason = :pseudonym, e.namedAccount = :pseudonym WHERE e.namedAccount = :actor")
public class AuditEntry {

    public static final String NEWEST_BEFORE = "AuditEntry.newestBefore";
    public static final String NEWEST_FIRST = "AuditEntry.newestFirst";
    public static final String CONCERNING = "AuditEntry.concerning";
    public static final String PSEUDONYMISE = "AuditEntry.pseudonymise";
    public static final String PSEUDONYMISE_NAMED = "AuditEntry.pseudonymiseNamed";

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private String actorId;

    @Column(name = "actor_name", nullable = false, updatable = false)
    private String actorName;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Column(updatable = false)
    private String reason;

    /** The account of the person whose name {@link #reason} is, where it is one. */
    @Column(name = "named_account", updatable = false)
    private String namedAccount;

    protected AuditEntry() {
        // for JPA
    }

    /**
     * @param action what was decided, as a past-tense name such as {@code member.vetted}
     * @param reason why, in the actor's words; required by some decisions, optional for others
     */
    public AuditEntry(Actor actor, String action, String subjectType, String subjectId, String reason) {
        Objects.requireNonNull(actor, "actor");
        this.id = UUID.randomUUID();
        this.occurredAt = Timestamps.now();
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.action = required(action, "action");
        this.subjectType = required(subjectType, "subjectType");
        this.subjectId = required(subjectId, "subjectId");
        this.reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /**
     * An entry whose reason is a person's name, such as the member a crew invitation is for: the
     * name is the reader's, and erasing that person replaces it.
     */
    public static AuditEntry naming(Actor actor, String action, String subjectType, String subjectId, String name, String namedAccount) {
        AuditEntry entry = new AuditEntry(actor, action, subjectType, subjectId, name);
        entry.namedAccount = required(namedAccount, "namedAccount");
        return entry;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    public UUID id() {
        return id;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public Actor actor() {
        return new Actor(actorId, actorName);
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String reason() {
        return reason;
    }

    /** The entry's subject as one key: its type and id. */
    public String subjectKey() {
        return subjectKey(subjectType, subjectId);
    }

    public static String subjectKey(String subjectType, String subjectId) {
        return subjectType + ":" + subjectId;
    }
}
