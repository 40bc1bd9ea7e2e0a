package org.videoplatform.media.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videoplatform.media.control.OutputPlan.Fit;
import org.videoplatform.media.control.OutputPlan.Shape;
import org.videoplatform.media.control.OutputPlan.VideoOutput;
import org.videoplatform.media.entity.MediaFacts;
import org.videoplatform.media.entity.OutputKind;

class OutputPlanTest {

    private static final Map<Shape, Fit> DEFAULT_FITS = Map.of(Shape.LANDSCAPE, Fit.PAD, Shape.SQUARE, Fit.CROP, Shape.PORTRAIT, Fit.CROP);

    private static MediaFacts source(int width, int height, int rotation, double fps, boolean variable) {
        return new MediaFacts("mp4", "h264", "aac", 10_000_000, width, height, fps, variable, rotation, "yuv420p", 8, 2, 48_000, 0);
    }

    private static VideoOutput only(OutputPlan plan, OutputKind kind) {
        return plan.videos().stream().filter(v -> v.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void aFullHdSourceGetsTheWholeLadderAndFullSizeDeliveries() {
        OutputPlan plan = OutputPlan.forSource(source(1920, 1080, 0, 30, false), DEFAULT_FITS);

        assertEquals(List.of("1080p", "720p", "480p", "360p"),
                plan.videos().stream().filter(v -> v.kind() == OutputKind.HLS).map(VideoOutput::name).toList());
        assertArrayEquals(new int[] {1280, 720}, size(only(plan, OutputKind.PROXY)));
        assertArrayEquals(new int[] {1920, 1080}, size(only(plan, OutputKind.DELIVERY_LANDSCAPE)));
        assertArrayEquals(new int[] {1080, 1080}, size(only(plan, OutputKind.DELIVERY_SQUARE)));
        assertArrayEquals(new int[] {606, 1080}, size(only(plan, OutputKind.DELIVERY_PORTRAIT)),
                "a 9:16 crop of a landscape picture has only 1080 lines of it to use");
    }

    @Test
    void aPhonesSidewaysPortraitIsPlannedUpright() {
        OutputPlan plan = OutputPlan.forSource(source(1920, 1080, 90, 30, false), DEFAULT_FITS);

        assertArrayEquals(new int[] {720, 1280}, size(only(plan, OutputKind.PROXY)));
        assertArrayEquals(new int[] {1080, 1920}, size(only(plan, OutputKind.DELIVERY_PORTRAIT)));
        assertArrayEquals(new int[] {1920, 1080}, size(only(plan, OutputKind.DELIVERY_LANDSCAPE)),
                "16:9 keeps the whole picture, pillar-boxed, at its own height");
    }

    @Test
    void nothingIsUpscaledAndEveryDimensionIsEven() {
        OutputPlan plan = OutputPlan.forSource(source(321, 241, 0, 25, false), DEFAULT_FITS);

        for (VideoOutput video : plan.videos()) {
            assertTrue(video.width() % 2 == 0 && video.height() % 2 == 0, video.toString());
            assertTrue(video.height() <= 241 && video.width() <= 321 || video.kind() == OutputKind.DELIVERY_LANDSCAPE, video.toString());
        }
        assertEquals(List.of("240p"), plan.videos().stream().filter(v -> v.kind() == OutputKind.HLS).map(VideoOutput::name).toList(),
                "a source below the ladder gets one rung at its own size");
    }

    @Test
    void frameRateStaysTheSourcesUnlessItVariesOrIsTooHigh() {
        assertEquals(25, OutputPlan.forSource(source(1280, 720, 0, 25, false), DEFAULT_FITS).frameRate());
        assertEquals(30, OutputPlan.forSource(source(1280, 720, 0, 47.3, true), DEFAULT_FITS).frameRate());
        assertEquals(60, OutputPlan.forSource(source(1280, 720, 0, 120, false), DEFAULT_FITS).frameRate());
    }

    @Test
    void theHlsLadderCutsSegmentsOnFourSecondKeyFrames() {
        OutputPlan plan = OutputPlan.forSource(source(1920, 1080, 0, 30, false), DEFAULT_FITS);
        VideoOutput rung = only(plan, OutputKind.HLS);
        assertEquals(OutputPlan.HLS_SEGMENT_SECONDS, rung.encoding().keyframeSeconds());
        assertEquals(5000, rung.encoding().maxKbps());
        assertTrue(only(plan, OutputKind.DELIVERY_SQUARE).encoding().loudnessNormalised());
        assertTrue(!only(plan, OutputKind.PROXY).encoding().loudnessNormalised());
    }

    private static int[] size(VideoOutput video) {
        return new int[] {video.width(), video.height()};
    }

    @Test
    void theDraftMarkGoesOnReviewOutputsOnly() {
        OutputPlan plan = OutputPlan.forSource(source(1920, 1080, 0, 30, false), DEFAULT_FITS).withDraftMark("/fonts/Sans Bold.ttf");
        for (OutputPlan.VideoOutput video : plan.videos()) {
            boolean review = video.kind() == OutputKind.PROXY || video.kind() == OutputKind.HLS;
            assertEquals(review, video.filter().contains("drawtext=fontfile='/fonts/Sans Bold.ttf':text='DRAFT, not for release'"),
                    video.name() + ": " + video.filter());
        }
        assertThrows(IllegalArgumentException.class,
                () -> OutputPlan.forSource(source(1920, 1080, 0, 30, false), DEFAULT_FITS).withDraftMark("/fonts/it's.ttf"));
    }
}
