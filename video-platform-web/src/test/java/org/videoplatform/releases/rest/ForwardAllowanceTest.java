package org.videoplatform.releases.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForwardAllowanceTest {

    private static final Instant NINE = Instant.parse("2026-11-27T09:00:00Z");
    private final ForwardAllowance allowance = new ForwardAllowance();

    @BeforeEach
    void threeLinksInTenMinutes() {
        allowance.perAddress = 3;
        allowance.window = Duration.ofMinutes(10);
    }

    @Test
    void anAddressPastItsAllowanceIsToldHowLongUntilItMayAgain() {
        for (int i = 0; i < 3; i++) {
            assertTrue(allowance.take("203.0.113.7", NINE.plusSeconds(i)).isEmpty());
        }
        assertEquals(Optional.of(Duration.ofMinutes(6)), allowance.take("203.0.113.7", NINE.plus(Duration.ofMinutes(4))));
        assertTrue(allowance.take("198.51.100.2", NINE.plus(Duration.ofMinutes(4))).isEmpty(), "other addresses keep theirs");
    }

    @Test
    void theAllowanceComesBackWhenTheWhileIsOver() {
        for (int i = 0; i < 4; i++) {
            allowance.take("203.0.113.7", NINE);
        }
        assertTrue(allowance.take("203.0.113.7", NINE.plus(Duration.ofMinutes(10))).isEmpty());
        assertTrue(allowance.take("203.0.113.7", NINE.plus(Duration.ofMinutes(11))).isEmpty());
    }
}
