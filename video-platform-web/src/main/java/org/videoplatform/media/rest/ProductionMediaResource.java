package org.videoplatform.media.rest;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.identity.rest.Callers;
import org.videoplatform.media.boundary.Media;
import org.videoplatform.members.boundary.Members;
import org.videoplatform.platform.web.WebApplicationStopping;

/** A production's cuts: its producer starts uploads, the producer and the leads list them. */
@Path("productions/{production}/media")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class ProductionMediaResource {

    @Inject
    Media media;

    @Inject
    Members members;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @Context
    ServletContext application;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration STREAM_FOR = Duration.ofMinutes(10);

    /** What the browser knows of the file before sending it; the name is for display only. */
    public record NewUpload(@NotNull @Size(max = 1000) String fileName, @Size(max = 255) String contentType,
            @NotNull @Positive Long size) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("producer")
    public Response startUpload(@PathParam("production") UUID production, @Valid @NotNull NewUpload upload) {
        return media.startUpload(production, upload.fileName(), upload.contentType(), upload.size(), actors.of(security))
                .map(asset -> Response.status(Response.Status.CREATED).entity(MediaView.from(asset)).build())
                .orElseThrow(NotFoundException::new);
    }

    @GET
    public List<MediaView> cuts(@PathParam("production") UUID production) {
        return cutsSeenBy(production, actors.of(security)).orElseThrow(NotFoundException::new);
    }

    private Optional<List<MediaView>> cutsSeenBy(UUID production, Actor caller) {
        return media.ofProduction(production, caller).map(cuts -> cuts.stream().map(MediaView::from).toList());
    }

    /**
     * The production's cuts as server-sent events, a "cuts" event each time anything changes:
     * upload state, queue position, progress, time left. Ends after a while; clients reconnect.
     */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void changes(@PathParam("production") UUID production, @Context SseEventSink sink, @Context Sse sse) {
        Actor caller = actors.of(security);
        // Reading the cuts once also refuses, with a 404, a caller who may not see the production.
        List<MediaView> first = cutsSeenBy(production, caller).orElseThrow(NotFoundException::new);
        long until = System.nanoTime() + Math.min(STREAM_FOR.toNanos(), untilTokenExpires().toNanos());
        BooleanSupplier stopping = WebApplicationStopping.of(application);
        // The request's filters ran once, at the start: a member cut off meanwhile is cut off by the stream.
        // A stopping deployment ends the stream, so that the browser reconnects to what replaces it.
        CutsStream stream = new CutsStream(sink, sse, first,
                () -> cutsSeenBy(production, caller).orElse(List.of()),
                () -> stopping.getAsBoolean() || System.nanoTime() > until || members.hasWithdrawnAccess(caller.id()));
        stream.start();
        stream.tickingAs(scheduler.scheduleWithFixedDelay(stream, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * A stream ends with the token it was opened with, as a request with that token would be
     * refused from then on: a lead's or admin's account closed in Keycloak, which no member's
     * state records, is cut off there. The page reconnects with the token it has renewed.
     */
    private Duration untilTokenExpires() {
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(Callers.token(security).getExpiration()));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
