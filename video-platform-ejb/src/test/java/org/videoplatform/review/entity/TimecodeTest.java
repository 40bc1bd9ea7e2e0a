package org.videoplatform.review.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimecodeTest {

    private static final FrameRate NTSC = FrameRate.of(29.97);

    @ParameterizedTest
    @CsvSource({
        "0, 00:00:00;00",
        "29, 00:00:00;29",
        "1799, 00:00:59;29",
        "1800, 00:01:00;02",
        "3597, 00:01:59;29",
        "3598, 00:02:00;02",
        "17981, 00:09:59;29",
        "17982, 00:10:00;00",
        "17983, 00:10:00;01",
        "19781, 00:10:59;29",
        "19782, 00:11:00;02",
        "107892, 01:00:00;00"})
    void dropFrameAt2997SkipsTwoNumbersEachMinuteButTheTenth(long frame, String expected) {
        assertEquals(expected, Timecode.of(frame, NTSC));
    }

    @ParameterizedTest
    @CsvSource({"3599, 00:00:59;59", "3600, 00:01:00;04", "35964, 00:10:00;00"})
    void dropFrameAt5994SkipsFour(long frame, String expected) {
        assertEquals(expected, Timecode.of(frame, FrameRate.of(59.94)));
    }

    @ParameterizedTest
    @CsvSource({"25, 0, 00:00:00:00", "25, 1524, 00:01:00:24", "24, 86400, 01:00:00:00", "23.976, 1440, 00:01:00:00",
        "30, 1800, 00:01:00:00", "60, 216000, 01:00:00:00"})
    void otherRatesCountEveryFrame(double rate, long frame, String expected) {
        assertEquals(expected, Timecode.of(frame, FrameRate.of(rate)));
    }

    @Test
    void probedDecimalsSnapToTheExactFraction() {
        assertEquals(new FrameRate(30000, 1001), FrameRate.of(29.97002997));
        assertEquals(new FrameRate(24000, 1001), FrameRate.of(23.976));
        assertEquals(new FrameRate(25, 1), FrameRate.of(25.0001));
        assertEquals(new FrameRate(12500, 1000), FrameRate.of(12.5));
        assertTrue(FrameRate.of(29.97).dropFrame());
        assertFalse(FrameRate.of(23.976).dropFrame());
        assertFalse(FrameRate.of(30).dropFrame());
    }

    @Test
    void lengthsCountTheirFramesToTheNearest() {
        assertEquals(60, FrameRate.of(30).framesIn(1_999_999), "as the probe measures 60 frames at 30 fps");
        assertEquals(100, FrameRate.of(23.976).framesIn(4_170_833), "100 frames at 23.976 fps, cut to whole microseconds");
        assertEquals(300, NTSC.framesIn(10_000_000), "the 300th frame starts at 9.977 s");
        assertEquals(250, FrameRate.of(25).framesIn(10_000_000));
    }
}
