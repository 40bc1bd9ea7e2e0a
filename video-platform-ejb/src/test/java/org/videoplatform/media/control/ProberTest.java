package org.videoplatform.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProberTest {

    @Test
    void ffmpegsCounterClockwiseMatrixBecomesAClockwiseTurn() {
        assertEquals(0, Prober.clockwiseRotation(0));
        assertEquals(90, Prober.clockwiseRotation(-90), "a phone held upright records its portrait as -90");
        assertEquals(270, Prober.clockwiseRotation(90));
        assertEquals(180, Prober.clockwiseRotation(180));
        assertEquals(180, Prober.clockwiseRotation(-180));
    }
}
