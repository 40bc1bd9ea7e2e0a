package org.videoplatform.performance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.performance.boundary.Performance;
import org.videoplatform.performance.boundary.Performance.Group;
import org.videoplatform.performance.boundary.Performance.Trait;
import org.videoplatform.performance.boundary.Performance.VideoPerformance;
import org.videoplatform.performance.boundary.Performance.VideoTotals;
import org.videoplatform.performance.boundary.PerformanceCsv;
import org.videoplatform.platform.entity.InvalidInput;

/** How released videos did: one video's days, the leaderboard, comparisons and a producer's portfolio, as JSON or CSV. */
@Path("performance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class PerformanceResource {

    @Inject
    Performance performance;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @GET
    @Path("productions/{production}")
    public VideoPerformance ofProduction(@PathParam("production") UUID productionId) {
        return performance.ofProduction(productionId, actors.of(security)).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("productions/{production}/days.csv")
    @Produces("text/csv")
    public Response daysCsv(@PathParam("production") UUID productionId) {
        VideoPerformance video = ofProduction(productionId);
        return csv("performance-" + productionId + ".csv", out -> PerformanceCsv.days(video.days(), out));
    }

    /** Every released video, most viewed first. */
    @GET
    @Path("videos")
    @RolesAllowed({"video-lead", "admin"})
    public List<VideoTotals> leaderboard() {
        return performance.leaderboard();
    }

    @GET
    @Path("videos.csv")
    @Produces("text/csv")
    @RolesAllowed({"video-lead", "admin"})
    public Response leaderboardCsv() {
        List<VideoTotals> videos = performance.leaderboard();
        return csv("videos.csv", out -> PerformanceCsv.videos(videos, out));
    }

    /** @param by format, platform, goal or producer */
    @GET
    @Path("comparisons")
    @RolesAllowed({"video-lead", "admin"})
    public List<Group> compare(@QueryParam("by") String by) {
        try {
            return performance.compare(Trait.valueOf(String.valueOf(by).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("by", "must be one of format, platform, goal or producer");
        }
    }

    /** A producer's released videos: {@code me} for the caller's own. */
    @GET
    @Path("producers/{producer}")
    public List<VideoTotals> portfolio(@PathParam("producer") String producerId) {
        Actor caller = actors.of(security);
        return performance.portfolio("me".equals(producerId) ? caller.id() : producerId, caller).orElseThrow(NotFoundException::new);
    }

    private static Response csv(String name, Consumer<Writer> write) {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            write.accept(writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
