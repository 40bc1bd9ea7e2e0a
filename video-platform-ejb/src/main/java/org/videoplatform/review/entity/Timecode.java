package org.videoplatform.review.entity;

/**
 * SMPTE timecode for a frame number. At 29.97 and 59.94 it is drop-frame: two (or four) frame
 * numbers are skipped at the start of every minute except each tenth, so that an hour of timecode
 * is an hour of clock; the semicolon before the frames says so.
 */
public final class Timecode {

    private Timecode() {
    }

    public static String of(long frame, FrameRate rate) {
        if (frame < 0) {
            throw new IllegalArgumentException("Frames count from 0: " + frame);
        }
        int nominal = rate.nominal();
        long counted = rate.dropFrame() ? withDroppedNumbers(frame, nominal) : frame;
        long frames = counted % nominal;
        long seconds = counted / nominal % 60;
        long minutes = counted / (nominal * 60L) % 60;
        long hours = counted / (nominal * 3600L);
        return String.format("%02d:%02d:%02d%s%02d", hours, minutes, seconds, rate.dropFrame() ? ";" : ":", frames);
    }

    /** The frame's number as drop-frame timecode counts it: the real count plus the numbers skipped so far. */
    private static long withDroppedNumbers(long frame, int nominal) {
        int dropped = nominal / 15;
        long perTenMinutes = nominal * 600L - dropped * 9L;
        long perMinute = nominal * 60L - dropped;
        long tens = frame / perTenMinutes;
        long intoTen = frame % perTenMinutes;
        long skipped = dropped * 9L * tens;
        if (intoTen > dropped) {
            skipped += dropped * ((intoTen - dropped) / perMinute);
        }
        return frame + skipped;
    }
}
