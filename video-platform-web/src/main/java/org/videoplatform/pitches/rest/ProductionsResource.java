package org.videoplatform.pitches.rest;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.pitches.boundary.Pitches;
import org.videoplatform.pitches.rest.PitchesResource.ProductionView;
import org.videoplatform.problems.NotBlankInAnyScript;

/** Productions: from greenlit pitches, or opened directly by a producer with a finished video. */
@Path("productions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class ProductionsResource {

    @Inject
    Pitches pitches;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    public record DirectProduction(@NotBlankInAnyScript @Size(max = 200) String title) {
    }

    @GET
    public List<ProductionView> visible() {
        return pitches.productions(actors.of(security)).stream().map(ProductionView::from).toList();
    }

    @GET
    @Path("{id}")
    public ProductionView one(@PathParam("id") UUID id) {
        return pitches.production(id, actors.of(security)).map(ProductionView::from).orElseThrow(NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("producer")
    public Response open(@Valid @NotNull DirectProduction production) {
        return Response.status(Response.Status.CREATED)
                .entity(ProductionView.from(pitches.openProduction(production.title(), actors.of(security))))
                .build();
    }
}
