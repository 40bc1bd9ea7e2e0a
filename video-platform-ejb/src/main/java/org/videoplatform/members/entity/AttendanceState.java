package org.videoplatform.members.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an attendee stands for one workshop. A place is held while registered; the waitlist moves
 * up when someone cancels; checking in happens on the day and is final.
 */
public enum AttendanceState {
    REGISTERED,
    WAITLISTED,
    CHECKED_IN,
    CANCELLED;

    public Set<AttendanceState> next() {
        return switch (this) {
            case REGISTERED -> EnumSet.of(CHECKED_IN, CANCELLED);
            case WAITLISTED -> EnumSet.of(REGISTERED, CANCELLED);
            case CHECKED_IN, CANCELLED -> EnumSet.noneOf(AttendanceState.class);
        };
    }

    public boolean canMoveTo(AttendanceState target) {
        return next().contains(target);
    }

    /** Registered and checked-in attendees hold one of the workshop's places. */
    public boolean holdsAPlace() {
        return this == REGISTERED || this == CHECKED_IN;
    }
}
