package org.videoplatform.review.control;

import java.util.Locale;
import org.videoplatform.media.control.OutputPlan;
import org.videoplatform.media.entity.AssetState;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.media.entity.MediaRefused;
import org.videoplatform.review.entity.FrameRate;

/**
 * The frames review comments count in. Kept out of the Reviews bean because the web layer needs
 * it too, and an enterprise bean with a static method earns a warning on every deployment.
 */
public final class ReviewFrames {

    private ReviewFrames() {
    }

    /**
     * The rate the outputs reviewers watch count frames at, known from the probe: comments already
     * made keep their timecodes while a cut's outputs are made again.
     */
    public static FrameRate of(MediaAsset cut) {
        if (cut.facts() == null) {
            throw new MediaRefused("This cut is " + stateOf(cut) + "; its frames are counted once it has been checked");
        }
        return FrameRate.of(OutputPlan.outputFrameRate(cut.facts()));
    }

    /** A comment is made watching the cut, so only a cut whose outputs are published takes new ones. */
    public static FrameRate toCommentOn(MediaAsset cut) {
        if (cut.state() != AssetState.READY) {
            throw new MediaRefused("This cut is " + stateOf(cut) + "; comments go on a cut that is ready to play");
        }
        return of(cut);
    }

    private static String stateOf(MediaAsset cut) {
        return cut.state().name().toLowerCase(Locale.ROOT);
    }
}
