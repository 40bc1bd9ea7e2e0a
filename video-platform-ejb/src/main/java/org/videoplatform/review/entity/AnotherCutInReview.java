package org.videoplatform.review.entity;

import org.videoplatform.platform.entity.Conflict;

/**
 * A lead's decision or tick sent from the page of a cut that is not the one in review: an earlier
 * version, or a page opened before the producer submitted another. Taken, it would vouch for a
 * cut nobody watched.
 */
public class AnotherCutInReview extends Conflict {

    /** @param consequence what the lead's action does to the cut in review, as "a decision goes on it" */
    public AnotherCutInReview(int cutInReviewNumber, String consequence) {
        super("v" + cutInReviewNumber + " is the cut in review now, and " + consequence + ": watch v" + cutInReviewNumber + " first");
    }
}
