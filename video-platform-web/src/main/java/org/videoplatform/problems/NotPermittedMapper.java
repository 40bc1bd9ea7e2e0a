package org.videoplatform.problems;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.videoplatform.platform.entity.NotPermitted;

/** An action the caller's role allows but their part in the record forbids: 403 with the reason. */
@Provider
public class NotPermittedMapper implements ExceptionMapper<NotPermitted> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(NotPermitted refusal) {
        return Problem.of(Response.Status.FORBIDDEN, refusal.getMessage(), Problem.pathOf(uri)).toResponse();
    }
}
