package org.videoplatform.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.videoplatform.platform.entity.Timestamps;

/** Someone registered for a workshop, as the lead registered them (not yet checked against the roster). */
@Entity
@Table(name = "workshop_attendees")
@NamedQuery(name = Attendee.OF_WORKSHOP,
        query = "SELECT a FROM Attendee a WHERE a.workshop = :workshop ORDER BY a.registeredAt, a.id")
@NamedQuery(name = Attendee.PLACES_HELD,
        query = "SELECT COUNT(a) FROM Attendee a WHERE a.workshop = :workshop AND a.state IN :holding")
@NamedQuery(name = Attendee.COUNTED_BY_WORKSHOP,
        query = "SELECT a.workshop.id, a.state, COUNT(a) FROM Attendee a GROUP BY a.workshop.id, a.state")
@NamedQuery(name = Attendee.BY_EMAIL, query = "SELECT a FROM Attendee a WHERE a.email = :email ORDER BY a.registeredAt")
@NamedQuery(name = Attendee.STILL_COMING,
        query = "SELECT a FROM Attendee a WHERE a.workshop = :workshop AND a.email = :email AND a.state <> :cancelled")
@NamedQuery(name = Attendee.WAITLIST,
        query = "SELECT a FROM Attendee a WHERE a.workshop = :workshop AND a.state = :waitlisted ORDER BY a.registeredAt, a.id")
public class Attendee {

    public static final String OF_WORKSHOP = "Attendee.ofWorkshop";
    public static final String PLACES_HELD = "Attendee.placesHeld";
    public static final String COUNTED_BY_WORKSHOP = "Attendee.countedByWorkshop";
    public static final String WAITLIST = "Attendee.waitlist";
    public static final String BY_EMAIL = "Attendee.byEmail";
    public static final String STILL_COMING = "Attendee.stillComing";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "workshop_id", nullable = false, updatable = false)
    private Workshop workshop;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String email;

    @Column(name = "membership_number")
    private String membershipNumber;

    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttendanceState state;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private OffsetDateTime registeredAt;

    @Column(name = "checked_in_at")
    private OffsetDateTime checkedInAt;

    @Version
    private long version;

    protected Attendee() {
        // for JPA
    }

    public Attendee(Workshop workshop, String fullName, String email, String membershipNumber, String phone,
                    AttendanceState place) {
        if (place != AttendanceState.REGISTERED && place != AttendanceState.WAITLISTED) {
            throw new IllegalArgumentException("A new attendee is registered or waitlisted");
        }
        this.id = UUID.randomUUID();
        this.workshop = Objects.requireNonNull(workshop);
        this.fullName = Objects.requireNonNull(fullName).strip();
        this.email = comparableEmail(email);
        this.membershipNumber = blankToNull(membershipNumber, true);
        this.phone = blankToNull(phone, false);
        this.state = place;
        this.registeredAt = Timestamps.now();
    }

    private static String blankToNull(String value, boolean upperCase) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return upperCase ? value.strip().toUpperCase(Locale.ROOT) : value.strip();
    }

    private void moveTo(AttendanceState target) {
        if (!state.canMoveTo(target)) {
            throw new AttendanceRefused(state, target);
        }
        state = target;
    }

    public void checkIn() {
        moveTo(AttendanceState.CHECKED_IN);
        checkedInAt = Timestamps.now();
    }

    /** @return whether a place was freed for the waitlist */
    public boolean cancel() {
        boolean heldAPlace = state.holdsAPlace();
        moveTo(AttendanceState.CANCELLED);
        return heldAPlace;
    }

    public void promoteFromWaitlist() {
        moveTo(AttendanceState.REGISTERED);
    }

    public boolean erased() {
        return Member.isErasedMarker(email);
    }

    /** Forgets who this was, keeping that someone attended (the workshop's numbers stay right). */
    public void erase(String marker) {
        this.fullName = "Erased";
        this.email = marker;
        this.membershipNumber = null;
        this.phone = null;
    }

    public UUID id() {
        return id;
    }

    public Workshop workshop() {
        return workshop;
    }

    public String fullName() {
        return fullName;
    }

    /** Emails as attendees' and members' are kept, so that one person is found however their address was typed. */
    public static String comparableEmail(String email) {
        return Objects.requireNonNull(email).strip().toLowerCase(Locale.ROOT);
    }

    public String email() {
        return email;
    }

    public String membershipNumber() {
        return membershipNumber;
    }

    public String phone() {
        return phone;
    }

    public AttendanceState state() {
        return state;
    }

    public OffsetDateTime registeredAt() {
        return registeredAt;
    }

    public OffsetDateTime checkedInAt() {
        return checkedInAt;
    }
}
