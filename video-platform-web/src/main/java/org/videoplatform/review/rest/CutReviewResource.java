package org.videoplatform.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.pitches.rest.PitchesResource.ProductionView;
import org.videoplatform.problems.NotBlankInAnyScript;
import org.videoplatform.review.boundary.Reviews;
import org.videoplatform.review.entity.FrameRate;

/** One cut under review: its producer submits it, and everyone who may see it comments on its frames. */
@Path("cuts/{cut}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class CutReviewResource {

    @Inject
    Reviews reviews;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @PathParam("cut")
    UUID cutId;

    @POST
    @Path("submission")
    @RolesAllowed("producer")
    public ProductionView submit() {
        return reviews.submit(cutId, actors.of(security)).map(ProductionView::from).orElseThrow(NotFoundException::new);
    }

    /**
     * The rate frames are counted at, so the player can turn frame numbers into times and back.
     *
     * @param frameCount frames in the cut: comments go on frames 0 to frameCount - 1
     */
    public record RateView(int numerator, int denominator, double perSecond, boolean dropFrame) {

        static RateView from(FrameRate rate) {
            return new RateView(rate.numerator(), rate.denominator(), rate.perSecond(), rate.dropFrame());
        }
    }

    public record CommentsView(RateView frameRate, long frameCount, List<CommentView> comments, List<CommentView> earlierOpen) {
    }

    @GET
    @Path("comments")
    public CommentsView comments() {
        Reviews.CutComments found = reviews.comments(cutId, actors.of(security)).orElseThrow(NotFoundException::new);
        return new CommentsView(RateView.from(found.rate()), found.rate().framesIn(found.cut().facts().durationMicros()),
                found.comments().stream().map(CommentView::from).toList(), found.earlierOpen().stream().map(CommentView::from).toList());
    }

    /**
     * A new thread at a frame, or over the frames from {@code frame} to {@code endFrame} inclusive.
     *
     * @param drawing shapes over the picture, see the drawing format in the domain
     * @param mentions account ids of the production's producer or crew to notify
     */
    public record NewComment(@NotNull @PositiveOrZero Integer frame, @PositiveOrZero Integer endFrame,
            @NotBlankInAnyScript @Size(max = 5000) String body, JsonArray drawing,
            @Size(max = 20) List<@NotBlankInAnyScript String> mentions) {
    }

    @POST
    @Path("comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(@Valid @NotNull NewComment comment) {
        return reviews.comment(cutId, comment.frame(), comment.endFrame(), comment.body(),
                        comment.drawing() == null ? null : comment.drawing().toString(), comment.mentions(), actors.of(security))
                .map(created -> Response.status(Response.Status.CREATED).entity(CommentView.from(created)).build())
                .orElseThrow(NotFoundException::new);
    }
}
