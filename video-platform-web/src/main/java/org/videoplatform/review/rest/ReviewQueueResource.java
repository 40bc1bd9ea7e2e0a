package org.videoplatform.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.pitches.rest.PitchesResource.ProductionView;
import org.videoplatform.review.boundary.Reviews;

/** What waits on the caller's review or action, oldest first. */
@Path("review-queue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class ReviewQueueResource {

    @Inject
    Reviews reviews;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    /** @param mayDecide false for a lead who makes the production: another lead must decide */
    public record WaitingView(ProductionView production, String reason, OffsetDateTime since, LocalDate deadline, boolean mayDecide) {
    }

    @GET
    public List<WaitingView> queue() {
        return reviews.queue(actors.of(security)).stream()
                .map(w -> new WaitingView(ProductionView.from(w.production()), w.reason(), w.since(), w.deadline(), w.mayDecide()))
                .toList();
    }
}
