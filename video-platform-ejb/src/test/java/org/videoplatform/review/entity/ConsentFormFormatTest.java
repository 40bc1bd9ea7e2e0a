package org.videoplatform.review.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentFormFormatTest {

    @Test
    void readsScansAndPhotosByTheirFirstBytes() {
        assertEquals(Optional.of(ConsentFormFormat.PDF), ConsentFormFormat.of(ascii("%PDF-1.7\n...")));
        assertEquals(Optional.of(ConsentFormFormat.PDF), ConsentFormFormat.of(ascii("\r\n\u0000\u0000%PDF-1.4\n...")), "as some scanners write it");
        assertEquals(Optional.of(ConsentFormFormat.JPEG), ConsentFormFormat.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0}));
        assertEquals(Optional.of(ConsentFormFormat.PNG),
                ConsentFormFormat.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}));
        assertEquals(Optional.of(ConsentFormFormat.WEBP), ConsentFormFormat.of(ascii("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ")));
    }

    @Test
    void knowsAnIphonePhotoByItsBrandButNotAnAvifOrAVideo() {
        assertEquals(Optional.of(ConsentFormFormat.HEIC), ConsentFormFormat.of(box("heic", "mif1", "heic")));
        assertEquals(Optional.of(ConsentFormFormat.HEIC), ConsentFormFormat.of(box("mif1", "mif1", "heic")), "as some Android phones write it");
        assertEquals(Optional.empty(), ConsentFormFormat.of(box("mif1", "mif1", "avif")), "an AVIF under HEIF's generic brand");
        assertEquals(Optional.empty(), ConsentFormFormat.of(box("avif", "mif1", "avif")));
        assertEquals(Optional.empty(), ConsentFormFormat.of(box("isom", "isom", "mp41")), "an MP4");
    }

    @Test
    void refusesTextEmptyAndTruncatedFiles() {
        assertEquals(Optional.empty(), ConsentFormFormat.of(ascii("I agree to appear in this video")));
        assertEquals(Optional.empty(), ConsentFormFormat.of(new byte[0]));
        assertEquals(Optional.empty(), ConsentFormFormat.of(ascii("%PD")));
        assertEquals(Optional.empty(), ConsentFormFormat.of(ascii("\u0000\u0000\u0000\u0018ftyp")));
    }

    @Test
    void namesWhatItAcceptsForPeople() {
        assertTrue(ConsentFormFormat.accepted().contains("iPhone photo (HEIC)"), ConsentFormFormat.accepted());
    }

    /** A type box: major brand, version, then the compatible brands. */
    private static byte[] box(String major, String... compatible) {
        int size = 16 + 4 * compatible.length;
        return ascii(new String(new char[] {0, 0, 0, (char) size}) + "ftyp" + major + "\u0000\u0000\u0000\u0000" + String.join("", compatible));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
