package org.videoplatform.pitches.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;

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
}
