package org.videoplatform.review.entity;

import org.videoplatform.pitches.entity.ProductionState;

/** A step in a production's review: the producer's submission, or a lead's decision and where it leads. */
public enum ReviewAction {
    SUBMITTED(ProductionState.IN_REVIEW),
    CHANGES_REQUESTED(ProductionState.CHANGES_REQUESTED),
    APPROVED(ProductionState.APPROVED),
    REJECTED(ProductionState.REJECTED);

    private final ProductionState leadsTo;

    ReviewAction(ProductionState leadsTo) {
        this.leadsTo = leadsTo;
    }

    public ProductionState leadsTo() {
        return leadsTo;
    }

    public boolean isDecision() {
        return this != SUBMITTED;
    }
}
