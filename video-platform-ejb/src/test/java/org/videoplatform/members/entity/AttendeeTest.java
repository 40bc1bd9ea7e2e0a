package org.videoplatform.members.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttendeeTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-05T10:00:00Z");
    private final Workshop workshop = new Workshop("Phone filmmaking", START, START.plusHours(6), "Union hall", "Leeds", 2,
            List.of("Sam", " ", "Jo "), "kc-lead");

    private Attendee attendee(AttendanceState place) {
        return new Attendee(workshop, " Amira Khan ", "Amira@Example.org", " a1001 ", "", place);
    }

    @Test
    void placesAreGivenUntilTheWorkshopIsFullThenTheWaitlist() {
        assertEquals(AttendanceState.REGISTERED, workshop.placeFor(0));
        assertEquals(AttendanceState.REGISTERED, workshop.placeFor(1));
        assertEquals(AttendanceState.WAITLISTED, workshop.placeFor(2));
    }

    @Test
    void workshopEndsAfterItStartsAndHasAPlace() {
        assertThrows(IllegalArgumentException.class,
                () -> new Workshop("x", START, START, "v", "c", 5, List.of(), "kc"));
        assertThrows(IllegalArgumentException.class,
                () -> new Workshop("x", START, START.plusHours(1), "v", "c", 0, List.of(), "kc"));
        assertEquals(List.of("Sam", "Jo"), workshop.trainers());
    }

    @Test
    void detailsAreTidiedAsTheyAreRegistered() {
        Attendee amira = attendee(AttendanceState.REGISTERED);
        assertEquals("Amira Khan", amira.fullName());
        assertEquals("amira@example.org", amira.email());
        assertEquals("A1001", amira.membershipNumber());
        assertEquals(null, amira.phone());
    }

    @Test
    void registeredAttendeeChecksInOnce() {
        Attendee amira = attendee(AttendanceState.REGISTERED);
        amira.checkIn();
        assertEquals(AttendanceState.CHECKED_IN, amira.state());
        assertNotNull(amira.checkedInAt());

        AttendanceRefused refused = assertThrows(AttendanceRefused.class, amira::checkIn);
        assertTrue(refused.allowed().isEmpty());
    }

    @Test
    void waitlistedAttendeeCannotCheckInBeforeGettingAPlace() {
        Attendee amira = attendee(AttendanceState.WAITLISTED);
        AttendanceRefused refused = assertThrows(AttendanceRefused.class, amira::checkIn);
        assertEquals(java.util.EnumSet.of(AttendanceState.REGISTERED, AttendanceState.CANCELLED), refused.allowed());
        assertTrue(refused.getMessage().contains("registered or cancelled"), refused.getMessage());

        amira.promoteFromWaitlist();
        amira.checkIn();
        assertEquals(AttendanceState.CHECKED_IN, amira.state());
    }

    @Test
    void cancellingFreesAPlaceOnlyIfOneWasHeld() {
        assertTrue(attendee(AttendanceState.REGISTERED).cancel());
        assertFalse(attendee(AttendanceState.WAITLISTED).cancel());
    }

    @ParameterizedTest
    @EnumSource(AttendanceState.class)
    void onlyTheDeclaredTransitionsAreAllowed(AttendanceState from) {
        for (AttendanceState to : AttendanceState.values()) {
            boolean expected = switch (from) {
                case REGISTERED -> to == AttendanceState.CHECKED_IN || to == AttendanceState.CANCELLED;
                case WAITLISTED -> to == AttendanceState.REGISTERED || to == AttendanceState.CANCELLED;
                case CHECKED_IN, CANCELLED -> false;
            };
            assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
        }
    }

    @Test
    void aNewAttendeeIsRegisteredOrWaitlistedNothingElse() {
        assertThrows(IllegalArgumentException.class, () -> attendee(AttendanceState.CHECKED_IN));
    }
}
