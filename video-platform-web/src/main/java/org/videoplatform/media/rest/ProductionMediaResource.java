package org.videoplatform.media.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import org.videoplatform.identity.rest.Callers;
import org.videoplatform.media.boundary.Media;

/** A production's cuts: its producer starts uploads, the producer and the leads list them. */
@Path("productions/{production}/media")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class ProductionMediaResource {

    @Inject
    Media media;

    @Context
    SecurityContext security;

    /** What the browser knows of the file before sending it; the name is for display only. */
    public record NewUpload(@NotNull @Size(max = 1000) String fileName, @Size(max = 255) String contentType,
            @NotNull @Positive Long size) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("producer")
    public Response startUpload(@PathParam("production") UUID production, @Valid @NotNull NewUpload upload) {
        return media.startUpload(production, upload.fileName(), upload.contentType(), upload.size(), Callers.actor(security))
                .map(asset -> Response.status(Response.Status.CREATED).entity(MediaView.from(asset)).build())
                .orElseThrow(NotFoundException::new);
    }

    @GET
    public List<MediaView> cuts(@PathParam("production") UUID production) {
        return media.ofProduction(production, Callers.actor(security)).orElseThrow(NotFoundException::new)
                .stream().map(MediaView::from).toList();
    }
}
