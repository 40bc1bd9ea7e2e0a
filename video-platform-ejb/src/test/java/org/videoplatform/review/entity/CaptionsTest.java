package org.videoplatform.review.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.videoplatform.platform.entity.InvalidInput;

class CaptionsTest {

    private static final String SRT = """
            1
            00:00:01,000 --> 00:00:04,000
            Bus fares went up again.

            2
            00:00:04,500 --> 00:01:02,250
            We can stop this.
            """;

    private static final String VTT = "\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:04.000 align:start\r\nBus fares went up again.\r\n\r\n"
            + "NOTE a comment --> not a cue\r\n";

    @Test
    void readsSrtCuesAndWhereTheyEnd() {
        assertEquals(new Captions(Captions.Format.SRT, 2, 62_250_000), Captions.parse(SRT));
    }

    @Test
    void readsWebVttWithShortTimesSettingsAndWindowsLineEnds() {
        Captions captions = Captions.parse(VTT.replace("NOTE a comment --> not a cue\r\n", ""));
        assertEquals(new Captions(Captions.Format.WEBVTT, 1, 4_000_000), captions);
    }

    @Test
    void fitsACutThatLastsAsLongOrAHairShorter() {
        Captions captions = Captions.parse(SRT);
        assertNull(captions.misfitFor(62_250_000));
        assertNull(captions.misfitFor(61_800_000));
        assertEquals("the last caption ends at 00:01:02.250, after the cut ends at 00:00:30.000: are they for another version?",
                captions.misfitFor(30_000_000));
    }

    @Test
    void namesTheLineThatIsWrong() {
        InvalidInput backwards = assertThrows(InvalidInput.class, () -> Captions.parse("1\n00:00:05,000 --> 00:00:04,000\nHi\n"));
        assertEquals("line 2: the cue ends before it starts", backwards.getMessage());
        InvalidInput garbled = assertThrows(InvalidInput.class, () -> Captions.parse(VTT));
        assertEquals("line 6 is not a cue timing like 00:00:01,000 --> 00:00:04,000", garbled.getMessage());
        assertEquals("captions", garbled.field());
    }

    @Test
    void aFileWithoutCuesIsNotCaptions() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> Captions.parse("Dear lead, here are my notes"));
        assertEquals("has no cues: is it an SRT or WebVTT file?", refused.getMessage());
    }
}
