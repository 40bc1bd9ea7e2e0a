package org.videoplatform.pitches.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProductionTest {

    private final Production production = Production.direct("Bus fares", "producer-1", "Pat");

    @Test
    void aCutGoesIntoReviewAndBackUntilApproved() {
        UUID first = UUID.randomUUID();
        production.submitted(first);
        assertEquals(ProductionState.IN_REVIEW, production.state());
        assertEquals(first, production.cutInReview());
        production.decided(ProductionState.CHANGES_REQUESTED);
        UUID second = UUID.randomUUID();
        production.submitted(second);
        assertEquals(second, production.cutInReview());
        production.decided(ProductionState.APPROVED);
        assertEquals(ProductionState.APPROVED, production.state());
    }

    @Test
    void aNewCutAfterApprovalIsReviewedAgain() {
        production.submitted(UUID.randomUUID());
        production.decided(ProductionState.APPROVED);
        production.submitted(UUID.randomUUID());
        assertEquals(ProductionState.IN_REVIEW, production.state());
    }

    @Test
    void nothingIsDecidedBeforeACutIsSubmittedButRejection() {
        ProductionTransitionRefused refused = assertThrows(ProductionTransitionRefused.class,
                () -> production.decided(ProductionState.APPROVED));
        assertEquals("A production that is in production cannot become approved; it can become in review or rejected.", refused.getMessage());
        assertThrows(ProductionTransitionRefused.class, () -> production.decided(ProductionState.CHANGES_REQUESTED));
        production.decided(ProductionState.REJECTED);
        assertEquals(ProductionState.REJECTED, production.state());
    }

    @Test
    void aRejectedProductionIsFinal() {
        production.submitted(UUID.randomUUID());
        production.decided(ProductionState.REJECTED);
        assertThrows(ProductionTransitionRefused.class, () -> production.submitted(UUID.randomUUID()));
        ProductionTransitionRefused refused = assertThrows(ProductionTransitionRefused.class, production::requireTakesCuts);
        assertEquals("A production that is rejected cannot take new cuts; it is final.", refused.getMessage());
    }

    @Test
    void anApprovedCutIsNotApprovedTwiceNorSentBack() {
        production.submitted(UUID.randomUUID());
        production.decided(ProductionState.APPROVED);
        assertThrows(ProductionTransitionRefused.class, () -> production.decided(ProductionState.APPROVED));
        assertThrows(ProductionTransitionRefused.class, () -> production.decided(ProductionState.CHANGES_REQUESTED));
        assertThrows(ProductionTransitionRefused.class, () -> production.decided(ProductionState.REJECTED));
    }

    @Test
    void submittingIsNotADecision() {
        assertThrows(IllegalArgumentException.class, () -> production.decided(ProductionState.IN_REVIEW));
    }

    /** Every pair of states: the move is taken exactly when the review workflow allows it. */
    @ParameterizedTest
    @EnumSource(ProductionState.class)
    void everyLegalMoveIsTakenAndEveryIllegalOneRefused(ProductionState from) {
        for (ProductionState to : EnumSet.of(ProductionState.IN_REVIEW, ProductionState.CHANGES_REQUESTED, ProductionState.APPROVED,
                ProductionState.REJECTED)) {
            Production production = in(from);
            boolean legal = switch (from) {
                case IN_PRODUCTION -> to == ProductionState.IN_REVIEW || to == ProductionState.REJECTED;
                case IN_REVIEW -> to != ProductionState.IN_REVIEW;
                case CHANGES_REQUESTED -> to == ProductionState.IN_REVIEW || to == ProductionState.REJECTED;
                case APPROVED -> to == ProductionState.IN_REVIEW;
                case RELEASED, REJECTED -> false;
            };
            Runnable move = to == ProductionState.IN_REVIEW ? () -> production.submitted(UUID.randomUUID()) : () -> production.decided(to);
            if (legal) {
                move.run();
                assertEquals(to, production.state(), from + " to " + to);
            } else {
                assertThrows(ProductionTransitionRefused.class, move::run, from + " to " + to);
                assertEquals(from, production.state());
            }
        }
    }

    /** A production brought to a state the way the workflow gets there. */
    private static Production in(ProductionState state) {
        Production production = Production.direct("Matrix", "producer-1", "Pat");
        switch (state) {
            case IN_PRODUCTION -> { }
            case REJECTED -> production.decided(ProductionState.REJECTED);
            case RELEASED -> {
                production.submitted(UUID.randomUUID());
                production.decided(ProductionState.APPROVED);
                production.released();
            }
            default -> {
                production.submitted(UUID.randomUUID());
                if (state != ProductionState.IN_REVIEW) {
                    production.decided(state);
                }
            }
        }
        assertEquals(state, production.state());
        return production;
    }
}
