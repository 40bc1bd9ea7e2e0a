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
    void theAddressesOfOneIpv6NetworkShareAnAllowance() {
        for (int i = 1; i <= 3; i++) {
            assertTrue(allowance.take("2001:db8:1:2::" + i, NINE).isEmpty());
        }
        assertTrue(allowance.take("2001:db8:1:2:ffff::9", NINE).isPresent(), "a fourth address of the same /64");
        assertTrue(allowance.take("2001:db8:1:3::1", NINE).isEmpty(), "the next network is another sender");
        assertEquals("203.0.113.7", ForwardAllowance.sender("203.0.113.7"));
    }

    @Test
    void aFloodOfFreshAddressesIsCountedAsOneSender() {
        allowance.perAddress = 1_000_000;
        for (int i = 0; i < 200_000; i++) {
            allowance.take("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), NINE);
        }
        allowance.perAddress = 3;
        for (int i = 0; i < 3; i++) {
            allowance.take("198.51.100." + i, NINE);
        }
        assertTrue(allowance.take("198.51.100.99", NINE).isPresent(), "past the addresses held, newcomers share one allowance");
        assertTrue(allowance.take("10.0.0.1", NINE).isEmpty(), "an address already held keeps its own count");
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
