package org.videoplatform.problems;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Someone else changed the record since the caller read it: nothing is overwritten, the caller reloads. */
@Provider
public class ConcurrentChangeMapper implements ExceptionMapper<OptimisticLockException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(OptimisticLockException exception) {
        return Problem.of(Response.Status.CONFLICT,
                "Someone else changed this since you opened it. Reload it to see their changes, then make yours again.",
                Problem.pathOf(uri)).toResponse();
    }
}
