package org.videoplatform.problems;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A boundary's {@code @RolesAllowed} refused the caller. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(EJBAccessException exception) {
        return Problem.of(Response.Status.FORBIDDEN, "Your account is not allowed to do this.",
                Problem.pathOf(uri)).toResponse();
    }
}
