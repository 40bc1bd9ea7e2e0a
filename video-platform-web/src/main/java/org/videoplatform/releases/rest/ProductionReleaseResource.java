package org.videoplatform.releases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.releases.boundary.Releases;
import org.videoplatform.releases.entity.Release;
import org.videoplatform.releases.rest.ReleasesResource.PostForm;
import org.videoplatform.releases.rest.ReleaseViews.ReleaseView;

/** A production's release: a lead releases the approved cut with its first posts. */
@Path("productions/{production}/release")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class ProductionReleaseResource {

    @Inject
    Releases releases;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @PathParam("production")
    UUID productionId;

    public record ReleaseForm(@NotEmpty @Size(max = 20) List<@Valid @NotNull PostForm> posts) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"video-lead", "admin"})
    public Response release(@Valid @NotNull ReleaseForm form) {
        Release release = releases.release(productionId, form.posts().stream().map(PostForm::toPost).toList(), actors.of(security))
                .orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.CREATED).entity(ReleaseView.from(release, releases.posts(release))).build();
    }

    @GET
    public ReleaseView ofProduction() {
        Release release = releases.ofProduction(productionId, actors.of(security)).orElseThrow(NotFoundException::new);
        return ReleaseView.from(release, releases.posts(release));
    }
}
