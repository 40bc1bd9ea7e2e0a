package org.videoplatform.review.entity;

import org.videoplatform.platform.entity.Conflict;

/**
 * A decision sent from a page that showed an earlier cut than the one in review: the producer
 * submitted another since. Taken, it would approve or send back a cut nobody watched.
 */
public class DecisionOnAnotherCut extends Conflict {

    public DecisionOnAnotherCut(int cutInReviewNumber) {
        super("v" + cutInReviewNumber + " was submitted since this page was opened, and a decision goes on the cut in review: watch v"
                + cutInReviewNumber + " before deciding");
    }
}
