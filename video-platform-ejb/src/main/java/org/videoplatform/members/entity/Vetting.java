package org.videoplatform.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.videoplatform.platform.entity.NullableUuid;
import org.videoplatform.platform.entity.Timestamps;

/** One vetting decision about one attendee; an attendee may be followed up and decided later. */
@Entity
@Table(name = "vettings")
@NamedQuery(name = Vetting.BY_EMAIL, query = "SELECT v FROM Vetting v WHERE v.email = :email ORDER BY v.decidedAt DESC")
@NamedQuery(name = Vetting.AT_WORKSHOP, query = "SELECT v.attendee.id, v.outcome FROM Vetting v WHERE v.attendee.workshop = :workshop"
        + " ORDER BY v.decidedAt")
@NamedQuery(name = Vetting.OF_ATTENDEE, query = "SELECT v FROM Vetting v WHERE v.attendee = :attendee ORDER BY v.decidedAt DESC")
@NamedQuery(name = Vetting.ON_ROSTER_ENTRIES, query = "SELECT v FROM Vetting v WHERE v.rosterEntryId IN :entries")
public class Vetting {

    public static final String BY_EMAIL = "Vetting.byEmail";
    public static final String OF_ATTENDEE = "Vetting.ofAttendee";
    public static final String AT_WORKSHOP = "Vetting.atWorkshop";
    public static final String ON_ROSTER_ENTRIES = "Vetting.onRosterEntries";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "attendee_id", nullable = false, updatable = false)
    private Attendee attendee;

    /** Kept apart from the attendee so earlier decisions about the same person are found across workshops. */
    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private VettingOutcome outcome;

    @Column(updatable = false)
    private String reason;

    @Convert(converter = NullableUuid.class)
    @Column(name = "roster_entry_id")
    private UUID rosterEntryId;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private OffsetDateTime decidedAt;

    protected Vetting() {
        // for JPA
    }

    public Vetting(Attendee attendee, VettingOutcome outcome, String reason, UUID rosterEntryId, String decidedBy) {
        if (outcome.requiresReason() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A " + outcome + " decision needs a reason");
        }
        this.id = UUID.randomUUID();
        this.attendee = attendee;
        this.email = attendee.email().toLowerCase(Locale.ROOT);
        this.outcome = outcome;
        this.reason = reason == null || reason.isBlank() ? null : reason.strip();
        this.rosterEntryId = rosterEntryId;
        this.decidedBy = decidedBy;
        this.decidedAt = Timestamps.now();
    }

    /** The decision stays (it was taken); who it was about does not. */
    public void erase(String marker) {
        this.email = marker;
        this.rosterEntryId = null;
    }

    public UUID id() {
        return id;
    }

    public Attendee attendee() {
        return attendee;
    }

    public VettingOutcome outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public UUID rosterEntryId() {
        return rosterEntryId;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }
}
