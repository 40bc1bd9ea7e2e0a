package org.videoplatform.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoudnessTest {

    @Test
    void aQuietProgrammeIsRaisedToTheTarget() {
        assertEquals(10, new Loudness(-24, -20).normalisingGainDb(), 1e-9);
    }

    @Test
    void aLoudProgrammeIsLowered() {
        assertEquals(-4, new Loudness(-10, -0.5).normalisingGainDb(), 1e-9);
    }

    @Test
    void theTruePeakCeilingWinsOverTheTarget() {
        assertEquals(5, new Loudness(-24, -6).normalisingGainDb(), 1e-9, "raising by 10 dB would put the peak at +4 dBTP");
    }

    @Test
    void silenceIsLeftAlone() {
        assertEquals(0, new Loudness(-70, -90).normalisingGainDb());
    }

    @Test
    void theMetersLastIntegratedReadingAndHighestPeakAreKept() {
        Loudness read = LoudnessMeter.readings(List.of("frame:0 pts:0", "lavfi.r128.I=-30.5", "lavfi.r128.true_peak=0.5",
                "frame:1 pts:4800", "lavfi.r128.I=-23.25", "lavfi.r128.true_peak=0.25"));
        assertEquals(-23.25, read.integratedLufs());
        assertEquals(20 * Math.log10(0.5), read.truePeakDbtp(), 1e-9);
    }
}
