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

    /** Frames are counted in the outputs the reviewers watch, so only a transcoded cut has them. */
    public static FrameRate of(MediaAsset cut) {
        if (cut.state() != AssetState.READY) {
            throw new MediaRefused("This cut is " + cut.state().name().toLowerCase(Locale.ROOT) + "; comments go on a cut that is ready to play");
        }
        return FrameRate.of(OutputPlan.outputFrameRate(cut.facts()));
    }
}
