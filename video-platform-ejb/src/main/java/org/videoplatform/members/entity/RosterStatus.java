package org.videoplatform.members.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A member's standing as the membership roster records it. */
public enum RosterStatus {
    ACTIVE,
    LAPSED,
    SUSPENDED,
    RESIGNED,
    EXPELLED;

    /** Only active members can be vetted without the lead looking twice. */
    public boolean inGoodStanding() {
        return this == ACTIVE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a roster's status column: case and surrounding spaces do not matter. */
    public static Optional<RosterStatus> fromLabel(String label) {
        String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.label().equals(wanted)).findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(RosterStatus::label).collect(Collectors.joining(", "));
    }
}
