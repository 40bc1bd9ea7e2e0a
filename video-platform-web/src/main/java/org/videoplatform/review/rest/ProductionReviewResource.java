package org.videoplatform.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.pitches.rest.PitchesResource.ProductionView;
import org.videoplatform.problems.NotBlankInAnyScript;
import org.videoplatform.review.boundary.Reviews;
import org.videoplatform.review.entity.ReviewAction;
import org.videoplatform.review.entity.ReviewEvent;

/** A production's review history, and the leads' decisions on it. */
@Path("productions/{production}/review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class ProductionReviewResource {

    @Inject
    Reviews reviews;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @PathParam("production")
    UUID productionId;

    public record EventView(ReviewAction action, String cutId, Integer cutNumber, String summary, String actorName, OffsetDateTime takenAt) {

        static EventView from(ReviewEvent e) {
            return new EventView(e.action(), e.cut() == null ? null : e.cut().id().toString(), e.cut() == null ? null : e.cut().cutNumber(),
                    e.summary(), e.actorName(), e.takenAt());
        }
    }

    @GET
    public List<EventView> history() {
        return reviews.history(productionId, actors.of(security)).orElseThrow(NotFoundException::new).stream()
                .map(EventView::from).toList();
    }

    public record TeamMemberView(String accountId, String name) {
    }

    /** The producer and crew: the people a comment may mention. */
    @GET
    @Path("team")
    public List<TeamMemberView> team() {
        return reviews.team(productionId, actors.of(security)).orElseThrow(NotFoundException::new).stream()
                .map(m -> new TeamMemberView(m.accountId(), m.name())).toList();
    }

    /**
     * @param summary what was decided and why: the producer reads it
     * @param cut the cut in review the lead watched; left out if the production has had none
     */
    public record Decision(@NotNull ReviewAction decision, @NotBlankInAnyScript @Size(max = 5000) String summary, UUID cut) {
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"video-lead", "admin"})
    public ProductionView decide(@Valid @NotNull Decision decision) {
        return reviews.decide(productionId, decision.decision(), decision.summary(), decision.cut(), actors.of(security))
                .map(ProductionView::from).orElseThrow(NotFoundException::new);
    }
}
