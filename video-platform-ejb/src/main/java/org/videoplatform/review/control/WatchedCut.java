package org.videoplatform.review.control;

import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.UUID;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.review.entity.AnotherCutInReview;

/** A lead decides and ticks on the cut their page shows, which must still be the one in review. */
public final class WatchedCut {

    private WatchedCut() {
    }

    /**
     * @param watched the cut the lead's page showed; none if the production had none in review
     * @param inReview the production's cut in review, if any
     * @param consequence what the lead's action does to the cut in review, as "a decision goes on it"
     */
    public static void mustBeInReview(EntityManager em, UUID watched, MediaAsset inReview, String consequence) {
        if (Objects.equals(watched, inReview == null ? null : inReview.id())) {
            return;
        }
        if (inReview == null) {
            throw new InvalidInput("cut", "must be left out: no cut of this production has been submitted");
        }
        if (watched == null) {
            throw new InvalidInput("cut", "must name the cut watched: v" + inReview.cutNumber() + " is in review");
        }
        MediaAsset watchedCut = em.find(MediaAsset.class, watched);
        if (watchedCut == null || !watchedCut.production().id().equals(inReview.production().id())) {
            // Not an earlier version the page still showed, but a mistake in the request.
            throw new InvalidInput("cut", "is no cut of this production");
        }
        throw new AnotherCutInReview(inReview.cutNumber(), consequence);
    }
}
