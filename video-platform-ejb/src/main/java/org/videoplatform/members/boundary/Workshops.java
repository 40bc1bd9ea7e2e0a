package org.videoplatform.members.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.videoplatform.members.entity.AlreadyRegistered;
import org.videoplatform.members.entity.AttendanceState;
import org.videoplatform.members.entity.Attendee;
import org.videoplatform.members.entity.Vetting;
import org.videoplatform.members.entity.VettingOutcome;
import org.videoplatform.members.entity.Workshop;

/** Workshops and their attendees, run by the video leads. */
@Stateless
@RolesAllowed({"video-lead", "admin"})
public class Workshops {

    @PersistenceContext
    EntityManager em;

    /**
     * A workshop with its attendees in the order they registered.
     *
     * @param decided the last vetting decision about each attendee who has had one
     */
    public record WorkshopDetail(Workshop workshop, List<Attendee> attendees, Map<UUID, VettingOutcome> decided) {

        public Map<AttendanceState, Long> counted() {
            return attendees.stream().collect(Collectors.groupingBy(Attendee::state, () -> new EnumMap<>(AttendanceState.class),
                    Collectors.counting()));
        }
    }

    /** A workshop with how many of its attendees are in each state, for lists that name nobody. */
    public record WorkshopCounts(Workshop workshop, Map<AttendanceState, Long> counted) {
    }

    public Workshop create(String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String venue, String city,
                           int capacity, List<String> trainers, String createdBy) {
        Workshop workshop = new Workshop(title, startsAt, endsAt, venue, city, capacity, trainers, createdBy);
        em.persist(workshop);
        return workshop;
    }

    /**
     * Every workshop, counted in one query: the list names no attendee, and reading each
     * workshop's attendees to count them cost one query and every row's personal data per workshop.
     */
    public List<WorkshopCounts> all() {
        Map<UUID, Map<AttendanceState, Long>> counted = new HashMap<>();
        em.createNamedQuery(Attendee.COUNTED_BY_WORKSHOP, Object[].class).getResultList()
                .forEach(row -> counted.computeIfAbsent((UUID) row[0], workshop -> new EnumMap<>(AttendanceState.class))
                        .put((AttendanceState) row[1], (Long) row[2]));
        return em.createNamedQuery(Workshop.NEWEST_START_FIRST, Workshop.class).getResultList().stream()
                .map(workshop -> new WorkshopCounts(workshop, counted.getOrDefault(workshop.id(), Map.of())))
                .toList();
    }

    public Optional<WorkshopDetail> find(UUID id) {
        return Optional.ofNullable(em.find(Workshop.class, id)).map(this::withDecisions);
    }

    /**
     * Registers someone, on the waitlist once every place is held. The workshop row is locked so
     * that two leads registering people at once cannot both take the last place, nor register one
     * person twice.
     */
    public Optional<Attendee> register(UUID workshopId, String fullName, String email, String membershipNumber, String phone) {
        Workshop workshop = em.find(Workshop.class, workshopId, LockModeType.PESSIMISTIC_WRITE);
        if (workshop == null) {
            return Optional.empty();
        }
        em.createNamedQuery(Attendee.STILL_COMING, Attendee.class).setParameter("workshop", workshop)
                .setParameter("email", Attendee.comparableEmail(email)).setParameter("cancelled", AttendanceState.CANCELLED)
                .getResultStream().findFirst().ifPresent(registered -> {
                    throw new AlreadyRegistered(registered);
                });
        Attendee attendee = new Attendee(workshop, fullName, email, membershipNumber, phone, workshop.placeFor(placesHeld(workshop)));
        em.persist(attendee);
        return Optional.of(attendee);
    }

    /**
     * Locked as registering and cancelling lock it: two leads checking one person in at once, or
     * one checking in someone another cancels, take turns, and the second is told what happened.
     */
    public Optional<Attendee> checkIn(UUID workshopId, UUID attendeeId) {
        if (em.find(Workshop.class, workshopId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return Optional.empty();
        }
        return attendee(workshopId, attendeeId).map(attendee -> {
            attendee.checkIn();
            return attendee;
        });
    }

    /** Cancels a registration; a freed place goes to the longest-waiting person on the waitlist. */
    public Optional<Attendee> cancel(UUID workshopId, UUID attendeeId) {
        Workshop workshop = em.find(Workshop.class, workshopId, LockModeType.PESSIMISTIC_WRITE);
        if (workshop == null) {
            return Optional.empty();
        }
        return attendee(workshopId, attendeeId).map(attendee -> {
            if (attendee.cancel()) {
                em.flush();
                if (placesHeld(workshop) < workshop.capacity()) {
                    em.createNamedQuery(Attendee.WAITLIST, Attendee.class)
                            .setParameter("workshop", workshop)
                            .setParameter("waitlisted", AttendanceState.WAITLISTED)
                            .setMaxResults(1)
                            .getResultStream()
                            .findFirst()
                            .ifPresent(Attendee::promoteFromWaitlist);
                }
            }
            return attendee;
        });
    }

    private Optional<Attendee> attendee(UUID workshopId, UUID attendeeId) {
        return Optional.ofNullable(em.find(Attendee.class, attendeeId))
                .filter(attendee -> attendee.workshop().id().equals(workshopId));
    }

    private long placesHeld(Workshop workshop) {
        return em.createNamedQuery(Attendee.PLACES_HELD, Long.class)
                .setParameter("workshop", workshop)
                .setParameter("holding", EnumSet.of(AttendanceState.REGISTERED, AttendanceState.CHECKED_IN))
                .getSingleResult();
    }

    private WorkshopDetail withDecisions(Workshop workshop) {
        Map<UUID, VettingOutcome> decided = new HashMap<>();
        // Oldest first: a later decision (vetted after a follow-up) replaces the earlier one.
        em.createNamedQuery(Vetting.AT_WORKSHOP, Object[].class).setParameter("workshop", workshop).getResultList()
                .forEach(row -> decided.put((UUID) row[0], (VettingOutcome) row[1]));
        return detail(workshop, decided);
    }

    private WorkshopDetail detail(Workshop workshop, Map<UUID, VettingOutcome> decided) {
        return new WorkshopDetail(workshop, em.createNamedQuery(Attendee.OF_WORKSHOP, Attendee.class)
                .setParameter("workshop", workshop)
                .getResultList(), decided);
    }
}
