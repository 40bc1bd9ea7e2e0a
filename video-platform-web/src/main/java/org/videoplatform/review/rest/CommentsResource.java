package org.videoplatform.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.videoplatform.problems.NotBlankInAnyScript;
import org.videoplatform.review.boundary.Reviews;

/** Replies to a comment, and resolving or reopening its thread. */
@Path("comments/{comment}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class CommentsResource {

    @Inject
    Reviews reviews;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @PathParam("comment")
    UUID commentId;

    public record Reply(@NotBlankInAnyScript @Size(max = 5000) String body, @Size(max = 20) List<@NotBlankInAnyScript String> mentions) {
    }

    @POST
    @Path("replies")
    public Response reply(@Valid @NotNull Reply reply) {
        return reviews.reply(commentId, reply.body(), reply.mentions(), actors.of(security))
                .map(created -> Response.status(Response.Status.CREATED).entity(CommentView.from(created)).build())
                .orElseThrow(NotFoundException::new);
    }

    public record Resolution(@NotNull Boolean resolved) {
    }

    @PUT
    @Path("resolution")
    public CommentView resolve(@Valid @NotNull Resolution resolution) {
        return reviews.resolve(commentId, resolution.resolved(), actors.of(security)).map(CommentView::from)
                .orElseThrow(NotFoundException::new);
    }
}
