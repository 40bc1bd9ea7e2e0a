package org.videoplatform.review.entity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed form was sent as, read from the file's first bytes. The type a browser declares
 * cannot be trusted for this: phones send photos without one, and a browser that does not know
 * HEIC calls an iPhone photo nothing at all, or a PDF.
 */
public enum ConsentFormFormat {
    PDF("application/pdf", "PDF"),
    JPEG("image/jpeg", "JPEG photo"),
    PNG("image/png", "PNG image"),
    HEIC("image/heic", "iPhone photo (HEIC)"),
    WEBP("image/webp", "WebP image");

    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** The ISO media file brands of HEIF images as cameras and phones write them (not AVIF's). */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");

    public final String contentType;
    public final String description;

    ConsentFormFormat(String contentType, String description) {
        this.contentType = contentType;
        this.description = description;
    }

    public static Optional<ConsentFormFormat> of(byte[] file) {
        if (startsWith(file, 0, PDF_SIGNATURE)) {
            return Optional.of(PDF);
        }
        if (startsWith(file, 0, JPEG_SIGNATURE)) {
            return Optional.of(JPEG);
        }
        if (startsWith(file, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(file, 0, ascii("RIFF")) && startsWith(file, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(file, 4, ascii("ftyp")) && file.length >= 12
                && HEIF_BRANDS.contains(new String(file, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of(HEIC);
        }
        return Optional.empty();
    }

    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(format -> format.description).toList());
    }

    private static boolean startsWith(byte[] file, int offset, byte[] signature) {
        return file.length >= offset + signature.length
                && Arrays.equals(file, offset, offset + signature.length, signature, 0, signature.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
