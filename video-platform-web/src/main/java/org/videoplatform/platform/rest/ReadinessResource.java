package org.videoplatform.platform.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.videoplatform.platform.boundary.Readiness;
import org.videoplatform.platform.boundary.ReadinessCheck;

/**
 * {@code GET /api/ready}: 200 when this node can take traffic, 503 while it cannot. Public (see
 * web.xml), like any load balancer probe; it names services, never data.
 */
@Path("ready")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    @Inject
    Readiness readiness;

    public record ReadinessView(String status, List<ReadinessCheck> checks) {
    }

    @GET
    public Response ready() {
        List<ReadinessCheck> checks = readiness.check();
        boolean up = checks.stream().allMatch(ReadinessCheck::up);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new ReadinessView(up ? "UP" : "DOWN", checks))
                .build();
    }
}
