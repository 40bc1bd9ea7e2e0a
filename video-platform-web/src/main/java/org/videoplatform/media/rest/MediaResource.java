package org.videoplatform.media.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.media.boundary.Media;
import org.videoplatform.media.boundary.Transcoding;
import org.videoplatform.media.control.StoredPart;
import org.videoplatform.media.entity.OutputKind;

/**
 * One uploaded cut: the multipart protocol between the uploading browser and the store (the
 * server holding the store's credentials), then the cut's state, its outputs, its original, and
 * the lead's re-run and cancel of its transcoding.
 */
@Path("media/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("producer")
public class MediaResource {

    @Inject
    Media media;

    @Inject
    Transcoding transcoding;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    /** A published output and where to fetch it for the next few minutes. */
    public record OutputView(OutputKind kind, String contentType, Integer width, Integer height, long size, String url) {
    }

    @GET
    @RolesAllowed({"producer", "video-lead", "admin"})
    public MediaView cut(@PathParam("id") UUID id) {
        return MediaView.from(media.cut(id, actors.of(security)).orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("outputs")
    @RolesAllowed({"producer", "video-lead", "admin"})
    public List<OutputView> outputs(@PathParam("id") UUID id) {
        return media.outputs(id, actors.of(security)).orElseThrow(NotFoundException::new).stream()
                .map(o -> new OutputView(o.output().kind(), o.output().contentType(), o.output().width(), o.output().height(),
                        o.output().size(), o.url().toString()))
                .toList();
    }

    /** The review player's HLS playlists, with links to the store that soon expire; see {@link Media#hlsPlaylist}. */
    @GET
    @Path("hls/{name}.m3u8")
    @Produces("application/vnd.apple.mpegurl")
    @RolesAllowed({"producer", "video-lead", "admin"})
    public Response hlsPlaylist(@PathParam("id") UUID id, @PathParam("name") String name, @Context UriInfo uri) {
        return media.hlsPlaylist(id, name, actors.of(security),
                        rung -> uri.getBaseUriBuilder().path("media").path(id.toString()).path("hls").path(rung + ".m3u8").build().toString())
                .map(playlist -> Response.ok(playlist).header("Cache-Control", "no-store").build())
                .orElseThrow(NotFoundException::new);
    }

    /** A lead runs the transcoder again: after a failure, a cancellation, or to remake the outputs. */
    @POST
    @Path("transcoding")
    @RolesAllowed({"video-lead", "admin"})
    public Response rerun(@PathParam("id") UUID id) {
        transcoding.rerun(id, actors.of(security)).orElseThrow(NotFoundException::new);
        return Response.accepted(cut(id)).build();
    }

    @DELETE
    @Path("transcoding")
    @RolesAllowed({"video-lead", "admin"})
    public MediaView cancel(@PathParam("id") UUID id) {
        transcoding.cancel(id, actors.of(security)).orElseThrow(NotFoundException::new);
        return cut(id);
    }

    /** Where the untouched original can be fetched for a few minutes, under its uploaded name. */
    public record Download(String url) {
    }

    @GET
    @Path("original")
    @RolesAllowed({"producer", "video-lead", "admin"})
    public Download original(@PathParam("id") UUID id) {
        return new Download(media.originalDownload(id, actors.of(security)).orElseThrow(NotFoundException::new).toString());
    }

    @POST
    @Path("parts/{number}/url")
    public Media.PartUrl partUrl(@PathParam("id") UUID id, @PathParam("number") int number) {
        return media.partUrl(id, number, actors.of(security)).orElseThrow(NotFoundException::new);
    }

    /** URLs for the parts from {@code from} on, {@code count} of them or up to the last part. */
    @POST
    @Path("parts/urls")
    public List<Media.PartUrl> partUrls(@PathParam("id") UUID id, @QueryParam("from") @DefaultValue("1") int from,
            @QueryParam("count") @DefaultValue("1") int count) {
        return media.partUrls(id, from, count, actors.of(security)).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("parts")
    public List<StoredPart> storedParts(@PathParam("id") UUID id) {
        return media.storedParts(id, actors.of(security)).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("completion")
    public MediaView complete(@PathParam("id") UUID id) {
        return MediaView.from(media.completeUpload(id, actors.of(security)).orElseThrow(NotFoundException::new));
    }

    @DELETE
    @Path("upload")
    public MediaView abort(@PathParam("id") UUID id) {
        return MediaView.from(media.abortUpload(id, actors.of(security)).orElseThrow(NotFoundException::new));
    }
}
