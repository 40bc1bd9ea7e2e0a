package org.videoplatform.pitches.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a production stands in review. The producer submits a cut, which puts it in review; a lead
 * asks for changes, approves or rejects. A new cut after changes or after approval starts a new
 * review, because what was approved was that cut and no other. Releasing is the release's business.
 */
public enum ProductionState {
    IN_PRODUCTION,
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    RELEASED,
    REJECTED;

    public Set<ProductionState> next() {
        return switch (this) {
            case IN_PRODUCTION -> EnumSet.of(IN_REVIEW, REJECTED);
            case IN_REVIEW -> EnumSet.of(CHANGES_REQUESTED, APPROVED, REJECTED);
            case CHANGES_REQUESTED -> EnumSet.of(IN_REVIEW, REJECTED);
            case APPROVED -> EnumSet.of(IN_REVIEW, RELEASED);
            case RELEASED, REJECTED -> EnumSet.noneOf(ProductionState.class);
        };
    }

    /** New cuts may be uploaded until the production is over either way. */
    public boolean takesCuts() {
        return this != RELEASED && this != REJECTED;
    }
}
