package org.videoplatform.platform.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import org.videoplatform.platform.boundary.Readiness;
import org.videoplatform.platform.boundary.ReadinessCheck;

/**
 * {@code GET /api/ready}: 200 when this node can take traffic, 503 while it cannot, naming each
 * service and whether it answers. Public (see web.xml), like any load balancer probe, so what an
 * operator needs to see why (versions, the bucket, errors that may name hosts) is for admins, at
 * {@code /api/ready/details}.
 */
@Path("ready")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    @Inject
    Readiness readiness;

    public record ReadinessView(String status, List<?> checks) {
    }

    public record ServiceState(String name, boolean up) {
    }

    @GET
    @PermitAll
    public Response ready() {
        return answer(check -> new ServiceState(check.name(), check.up()));
    }

    @GET
    @Path("details")
    @RolesAllowed("admin")
    public Response details() {
        return answer(Function.identity());
    }

    private Response answer(Function<ReadinessCheck, ?> shown) {
        List<ReadinessCheck> checks = readiness.check();
        boolean up = checks.stream().allMatch(ReadinessCheck::up);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new ReadinessView(up ? "UP" : "DOWN", checks.stream().map(shown).toList()))
                .build();
    }
}
