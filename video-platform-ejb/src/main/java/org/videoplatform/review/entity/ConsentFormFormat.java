package org.videoplatform.review.entity;

import java.nio.ByteBuffer;
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
    /** PDF readers look for the header this far in, and some scanners write a few bytes before it. */
    private static final int PDF_HEADER_WITHIN = 1024;
    /** The ISO media file brands of HEVC-coded HEIF images, as phones write them. */
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx");
    /** HEIF's generic brands, which AVIF images carry too: HEIC only with one of the brands above beside them. */
    private static final Set<String> GENERIC_HEIF_BRANDS = Set.of("mif1", "msf1");

    public final String contentType;
    public final String description;

    ConsentFormFormat(String contentType, String description) {
        this.contentType = contentType;
        this.description = description;
    }

    public static Optional<ConsentFormFormat> of(byte[] file) {
        if (startsWith(file, 0, JPEG_SIGNATURE)) {
            return Optional.of(JPEG);
        }
        if (startsWith(file, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(file, 0, ascii("RIFF")) && startsWith(file, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (isHeic(file)) {
            return Optional.of(HEIC);
        }
        for (int offset = 0; offset < PDF_HEADER_WITHIN; offset++) {
            if (startsWith(file, offset, PDF_SIGNATURE)) {
                return Optional.of(PDF);
            }
        }
        return Optional.empty();
    }

    /** An ISO media file's type box: its size, "ftyp", the major brand, a version, then the compatible brands. */
    private static boolean isHeic(byte[] file) {
        if (!startsWith(file, 4, ascii("ftyp")) || file.length < 12) {
            return false;
        }
        String major = brandAt(file, 8);
        if (HEIC_BRANDS.contains(major)) {
            return true;
        }
        if (!GENERIC_HEIF_BRANDS.contains(major)) {
            return false;
        }
        int boxEnd = Math.min(file.length, ByteBuffer.wrap(file, 0, 4).getInt());
        for (int offset = 16; offset + 4 <= boxEnd; offset += 4) {
            if (HEIC_BRANDS.contains(brandAt(file, offset))) {
                return true;
            }
        }
        return false;
    }

    private static String brandAt(byte[] file, int offset) {
        return new String(file, offset, 4, StandardCharsets.US_ASCII);
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
