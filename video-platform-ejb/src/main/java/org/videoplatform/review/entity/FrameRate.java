package org.videoplatform.review.entity;

/**
 * A frame rate as the exact fraction video standards use, so that frame numbers and times convert
 * without drift: 29.97 is 30000/1001, and a comment at frame 17982 must land on that frame an hour
 * in as well as a second in.
 */
public record FrameRate(int numerator, int denominator) {

    private static final FrameRate[] NTSC = {new FrameRate(24000, 1001), new FrameRate(30000, 1001), new FrameRate(60000, 1001)};
    private static final double SNAP = 0.01;

    public FrameRate {
        if (numerator < 1 || denominator < 1) {
            throw new IllegalArgumentException("A frame rate is positive: " + numerator + "/" + denominator);
        }
    }

    /** The fraction a probe's decimal rate stands for: NTSC rates and whole rates are snapped to exactly. */
    public static FrameRate of(double framesPerSecond) {
        for (FrameRate ntsc : NTSC) {
            if (Math.abs(ntsc.perSecond() - framesPerSecond) < SNAP) {
                return ntsc;
            }
        }
        if (Math.abs(framesPerSecond - Math.rint(framesPerSecond)) < SNAP) {
            return new FrameRate((int) Math.rint(framesPerSecond), 1);
        }
        return new FrameRate((int) Math.rint(framesPerSecond * 1000), 1000);
    }

    public double perSecond() {
        return (double) numerator / denominator;
    }

    /** The whole-number rate timecode counts in: 30 for 29.97. */
    public int nominal() {
        return (int) Math.round(perSecond());
    }

    /** 29.97 and 59.94 are counted in drop-frame timecode, which keeps it in step with the clock. */
    public boolean dropFrame() {
        return denominator == 1001 && (numerator == 30000 || numerator == 60000);
    }

    /**
     * How many frames a length holds, to the nearest: a length in whole microseconds falls a hair
     * short of most frame counts (60 frames at 30 fps measure 1999999 µs), and rounding down lost
     * the last frame.
     */
    public long framesIn(long micros) {
        long divisor = denominator * 1_000_000L;
        return (micros * numerator + divisor / 2) / divisor;
    }
}
