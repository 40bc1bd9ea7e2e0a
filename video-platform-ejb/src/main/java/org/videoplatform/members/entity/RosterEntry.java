package org.videoplatform.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One member as the organisation's membership roster knows them, keyed by membership number.
 * Imports update entries; nothing here is typed in by hand.
 */
@Entity
@Table(name = "roster_entries")
@NamedQuery(name = RosterEntry.BY_NUMBERS,
        query = "SELECT r FROM RosterEntry r WHERE r.membershipNumber IN :numbers")
@NamedQuery(name = RosterEntry.SEARCH,
        query = "SELECT r FROM RosterEntry r WHERE FUNCTION('search_fold', r.fullName) LIKE FUNCTION('search_fold', :term) OR LOWER(r.email) LIKE :term"
                + " OR LOWER(r.membershipNumber) LIKE :term OR LOWER(r.postcode) LIKE :term ORDER BY r.fullName, r.membershipNumber")
public class RosterEntry {

    public static final String BY_NUMBERS = "RosterEntry.byNumbers";
    public static final String SEARCH = "RosterEntry.search";

    @Id
    private UUID id;

    @Column(name = "membership_number", nullable = false, updatable = false)
    private String membershipNumber;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    private String email;

    private String postcode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RosterStatus status;

    @Column(name = "first_imported_at", nullable = false, updatable = false)
    private OffsetDateTime firstImportedAt;

    @Column(name = "last_changed_at", nullable = false)
    private OffsetDateTime lastChangedAt;

    @Version
    private long version;

    protected RosterEntry() {
        // for JPA
    }

    public RosterEntry(String membershipNumber, String fullName, String email, String postcode, RosterStatus status,
                       OffsetDateTime importedAt) {
        this.id = UUID.randomUUID();
        this.membershipNumber = Objects.requireNonNull(membershipNumber);
        this.fullName = Objects.requireNonNull(fullName);
        this.email = email;
        this.postcode = postcode;
        this.status = Objects.requireNonNull(status);
        this.firstImportedAt = importedAt;
        this.lastChangedAt = importedAt;
    }

    /** Takes a newer import's view of this member; true if anything changed. */
    public boolean update(String fullName, String email, String postcode, RosterStatus status, OffsetDateTime importedAt) {
        if (Objects.equals(this.fullName, fullName) && Objects.equals(this.email, email)
                && Objects.equals(this.postcode, postcode) && this.status == status) {
            return false;
        }
        this.fullName = Objects.requireNonNull(fullName);
        this.email = email;
        this.postcode = postcode;
        this.status = Objects.requireNonNull(status);
        this.lastChangedAt = importedAt;
        return true;
    }

    public UUID id() {
        return id;
    }

    public String membershipNumber() {
        return membershipNumber;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public String postcode() {
        return postcode;
    }

    public RosterStatus status() {
        return status;
    }

    public OffsetDateTime lastChangedAt() {
        return lastChangedAt;
    }
}
