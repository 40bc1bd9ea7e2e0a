package org.videoplatform.problems;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.videoplatform.platform.entity.Conflict;

/** Every domain conflict (illegal transitions, refused decisions, accounts Keycloak will not reuse): 409 with its own words. */
@Provider
public class ConflictMapper implements ExceptionMapper<Conflict> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Conflict conflict) {
        return Problem.of(Response.Status.CONFLICT, conflict.getMessage(), Problem.pathOf(uri)).toResponse();
    }
}
