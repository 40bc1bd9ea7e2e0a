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
        assertEquals(Optional.of(ConsentFormFormat.JPEG), ConsentFormFormat.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0}));
        assertEquals(Optional.of(ConsentFormFormat.PNG),
                ConsentFormFormat.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}));
        assertEquals(Optional.of(ConsentFormFormat.WEBP), ConsentFormFormat.of(ascii("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ")));
    }

    @Test
    void knowsAnIphonePhotoByItsBrandButNotAnAvifOrAVideo() {
        assertEquals(Optional.of(ConsentFormFormat.HEIC), ConsentFormFormat.of(box("heic")));
        assertEquals(Optional.of(ConsentFormFormat.HEIC), ConsentFormFormat.of(box("mif1")));
        assertEquals(Optional.empty(), ConsentFormFormat.of(box("avif")));
        assertEquals(Optional.empty(), ConsentFormFormat.of(box("isom")), "an MP4");
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

    private static byte[] box(String brand) {
        return ascii("\u0000\u0000\u0000\u0018ftyp" + brand + "\u0000\u0000\u0000\u0000");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
