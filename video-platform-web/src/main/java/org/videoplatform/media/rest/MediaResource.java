package org.videoplatform.media.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.videoplatform.identity.rest.Callers;
import org.videoplatform.media.boundary.Media;
import org.videoplatform.media.control.StoredPart;

/**
 * The multipart protocol between the uploading browser and the store, the server holding the
 * store's credentials: a URL per part, the parts already stored, completion and abort; and the
 * original once it is whole.
 */
@Path("media/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("producer")
public class MediaResource {

    @Inject
    Media media;

    @Context
    SecurityContext security;

    /** Where the untouched original can be fetched for a few minutes, under its uploaded name. */
    public record Download(String url) {
    }

    @GET
    @Path("original")
    @RolesAllowed({"producer", "video-lead", "admin"})
    public Download original(@PathParam("id") UUID id) {
        return new Download(media.originalDownload(id, Callers.actor(security)).orElseThrow(NotFoundException::new).toString());
    }

    @POST
    @Path("parts/{number}/url")
    public Media.PartUrl partUrl(@PathParam("id") UUID id, @PathParam("number") int number) {
        return media.partUrl(id, number, Callers.actor(security)).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("parts")
    public List<StoredPart> storedParts(@PathParam("id") UUID id) {
        return media.storedParts(id, Callers.actor(security)).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("completion")
    public MediaView complete(@PathParam("id") UUID id) {
        return MediaView.from(media.completeUpload(id, Callers.actor(security)).orElseThrow(NotFoundException::new));
    }

    @DELETE
    @Path("upload")
    public MediaView abort(@PathParam("id") UUID id) {
        return MediaView.from(media.abortUpload(id, Callers.actor(security)).orElseThrow(NotFoundException::new));
    }
}
