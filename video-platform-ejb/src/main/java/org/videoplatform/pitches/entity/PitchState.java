package org.videoplatform.pitches.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * A pitch's life: drafted and submitted by its producer, discussed and decided by the lead. A
 * declined pitch can be revised (back to draft) and submitted again; the producer can withdraw it
 * until it is decided.
 */
public enum PitchState {
    DRAFT,
    SUBMITTED,
    IN_DISCUSSION,
    GREENLIT,
    DECLINED,
    WITHDRAWN;

    public Set<PitchState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(IN_DISCUSSION, GREENLIT, DECLINED, WITHDRAWN);
            case IN_DISCUSSION -> EnumSet.of(GREENLIT, DECLINED, WITHDRAWN);
            case DECLINED -> EnumSet.of(DRAFT);
            case GREENLIT, WITHDRAWN -> EnumSet.noneOf(PitchState.class);
        };
    }

    public boolean canMoveTo(PitchState target) {
        return next().contains(target);
    }

    /** The producer may change the pitch itself only while it is theirs alone to change. */
    public boolean editable() {
        return this == DRAFT;
    }
}
