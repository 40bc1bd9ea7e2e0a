package org.videoplatform.media.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.videoplatform.media.entity.MediaFacts;
import org.videoplatform.media.entity.OutputKind;

/**
 * Every output one source gets, sized from what the probe found: never upscaled, always even
 * dimensions for 4:2:0 chroma, turned upright.
 *
 * @param frameRate constant output rate: the source's own, or 30 for variable-rate sources, at most 60
 * @param videos the proxy, the HLS rungs (largest first) and the delivery shapes
 * @param posterBox the longest side of the poster frame
 */
public record OutputPlan(double frameRate, List<VideoOutput> videos, int posterBox, int thumbnailWidth, int spriteTileWidth,
        int thumbnailCount, double spriteIntervalSeconds) {

    /** A platform shape, its aspect as width:height. */
    public enum Shape {
        LANDSCAPE(OutputKind.DELIVERY_LANDSCAPE, 16, 9),
        SQUARE(OutputKind.DELIVERY_SQUARE, 1, 1),
        PORTRAIT(OutputKind.DELIVERY_PORTRAIT, 9, 16);

        final OutputKind kind;
        final int aspectWidth;
        final int aspectHeight;

        Shape(OutputKind kind, int aspectWidth, int aspectHeight) {
            this.kind = kind;
            this.aspectWidth = aspectWidth;
            this.aspectHeight = aspectHeight;
        }
    }

    /** How a source of another shape fills the frame: whole with bars (pad), or cut to fill (crop). */
    public enum Fit {
        PAD,
        CROP
    }

    /** How an output is encoded; {@code maxKbps} 0 leaves the rate to the quality target. */
    public record Encoding(String preset, int crf, int maxKbps, int keyframeSeconds, int audioKbps, boolean loudnessNormalised) {
    }

    /**
     * One encoded video output.
     *
     * @param name file name stem, unique within the plan
     * @param filter FFmpeg video filter from the upright source picture to this output's frame
     */
    public record VideoOutput(OutputKind kind, String name, int width, int height, String filter, Encoding encoding) {

        boolean isHlsRung() {
            return kind == OutputKind.HLS;
        }
    }

    static final String DRAFT_MARK = "DRAFT, not for release";

    /**
     * The same plan with "DRAFT, not for release" burned into the review outputs (proxy and HLS),
     * so a screen recording or a downloaded review copy cannot pass for the released video. The
     * deliveries stay clean: they are what gets released.
     *
     * @param fontFile a TrueType font: this FFmpeg build has no fontconfig to find one by name
     */
    public OutputPlan withDraftMark(String fontFile) {
        if (fontFile.contains("'") || fontFile.contains("\\")) {
            throw new IllegalArgumentException("The draft mark's font path may not contain quotes or backslashes: " + fontFile);
        }
        String mark = ",drawtext=fontfile='" + fontFile.replace(":", "\\:") + "':text='" + DRAFT_MARK + "'"
                + ":fontcolor=white@0.5:borderw=2:bordercolor=black@0.5:fontsize=h/12:x=(w-text_w)/2:y=h/10";
        List<VideoOutput> marked = videos.stream().map(video -> video.kind() == OutputKind.PROXY || video.isHlsRung()
                ? new VideoOutput(video.kind(), video.name(), video.width(), video.height(), video.filter() + mark, video.encoding())
                : video).toList();
        return new OutputPlan(frameRate, marked, posterBox, thumbnailWidth, spriteTileWidth, thumbnailCount, spriteIntervalSeconds);
    }

    static final int PROXY_LONG = 1280;
    static final int PROXY_SHORT = 720;
    static final int DELIVERY_SHORT = 1080;
    static final int[] LADDER = {1080, 720, 480, 360};
    private static final Map<Integer, Integer> LADDER_MAX_KBPS = Map.of(1080, 5000, 720, 2800, 480, 1400, 360, 800);
    private static final int SMALL_SOURCE_MAX_KBPS = 600;
    static final int HLS_SEGMENT_SECONDS = 4;

    private static final Encoding REVIEW = new Encoding("veryfast", 23, 0, 2, 128, false);
    private static final Encoding DELIVERY = new Encoding("medium", 18, 0, 2, 192, true);

    public static OutputPlan forSource(MediaFacts source, Map<Shape, Fit> fits) {
        int width = source.displayWidth();
        int height = source.displayHeight();
        List<VideoOutput> videos = new ArrayList<>();

        int[] proxy = fitWithin(width, height, PROXY_LONG, PROXY_SHORT);
        videos.add(new VideoOutput(OutputKind.PROXY, "proxy", proxy[0], proxy[1], scale(proxy[0], proxy[1]), REVIEW));

        int shortSide = Math.min(width, height);
        for (int rung : LADDER) {
            if (rung <= shortSide) {
                int[] size = shortSideTo(width, height, rung);
                videos.add(hlsRung(rung + "p", size, LADDER_MAX_KBPS.get(rung)));
            }
        }
        if (shortSide < LADDER[LADDER.length - 1]) {
            int[] size = {even(width), even(height)};
            videos.add(hlsRung(size[1] + "p", size, SMALL_SOURCE_MAX_KBPS));
        }

        for (Shape shape : Shape.values()) {
            Fit fit = fits.getOrDefault(shape, Fit.CROP);
            int[] size = deliverySize(width, height, shape, fit);
            videos.add(new VideoOutput(shape.kind, shape.name().toLowerCase(Locale.ROOT), size[0], size[1],
                    fit == Fit.PAD ? pad(size[0], size[1]) : crop(size[0], size[1]), DELIVERY));
        }
        double durationSeconds = source.durationMicros() / 1e6;
        return new OutputPlan(outputFrameRate(source), List.copyOf(videos), PROXY_LONG, 320, 160, 5,
                Math.max(1.0, durationSeconds / 100));
    }

    private static VideoOutput hlsRung(String name, int[] size, int maxKbps) {
        return new VideoOutput(OutputKind.HLS, name, size[0], size[1], scale(size[0], size[1]),
                new Encoding("veryfast", 23, maxKbps, HLS_SEGMENT_SECONDS, 128, false));
    }

    /** The rate every output is made at, and so the one review frame numbers count in. */
    public static double outputFrameRate(MediaFacts source) {
        if (source.variableFrameRate() || source.frameRate() <= 0) {
            return 30;
        }
        return Math.min(60, source.frameRate());
    }

    /** Scaled down to fit a box oriented like the source; never up. */
    static int[] fitWithin(int width, int height, int longMax, int shortMax) {
        double factor = Math.min(1.0, Math.min((double) longMax / Math.max(width, height), (double) shortMax / Math.min(width, height)));
        int w = even(width * factor);
        int h = even(height * factor);
        return new int[] {w, h};
    }

    static int[] shortSideTo(int width, int height, int shortSide) {
        if (width <= height) {
            return new int[] {even(shortSide), even((double) height * shortSide / width)};
        }
        return new int[] {even((double) width * shortSide / height), even(shortSide)};
    }

    /**
     * The shape's frame, 1080 on its short side unless that would enlarge the source: padding must
     * not scale the picture up, and a crop must not be blown up beyond the pixels it cuts from.
     */
    static int[] deliverySize(int width, int height, Shape shape, Fit fit) {
        double perWidthUnit = (double) width / shape.aspectWidth;
        double perHeightUnit = (double) height / shape.aspectHeight;
        double units = fit == Fit.PAD ? Math.max(perWidthUnit, perHeightUnit) : Math.min(perWidthUnit, perHeightUnit);
        int unitsOnShortSide = Math.min(shape.aspectWidth, shape.aspectHeight);
        double shortSide = Math.min(DELIVERY_SHORT, units * unitsOnShortSide);
        double scale = shortSide / unitsOnShortSide;
        return new int[] {even(scale * shape.aspectWidth), even(scale * shape.aspectHeight)};
    }

    private static String scale(int width, int height) {
        return "scale=" + width + ":" + height + ":flags=bicubic,setsar=1";
    }

    private static String pad(int width, int height) {
        return "scale=" + width + ":" + height + ":force_original_aspect_ratio=decrease:force_divisible_by=2:flags=bicubic,"
                + "pad=" + width + ":" + height + ":(ow-iw)/2:(oh-ih)/2:black,setsar=1";
    }

    private static String crop(int width, int height) {
        return "scale=" + width + ":" + height + ":force_original_aspect_ratio=increase:flags=bicubic,"
                + "crop=" + width + ":" + height + ",setsar=1";
    }

    /** Rounded down to an even number of pixels, at least 2: 4:2:0 chroma needs pairs. */
    static int even(double pixels) {
        return Math.max(2, ((int) Math.floor(pixels)) & ~1);
    }
}
