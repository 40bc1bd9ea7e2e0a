package org.videoplatform.members.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.videoplatform.members.control.RosterFileRejected;
import org.videoplatform.problems.Problem;

/** A roster file that cannot be read at all; its message already says what to fix. */
@Provider
public class RosterFileRejectedMapper implements ExceptionMapper<RosterFileRejected> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RosterFileRejected rejected) {
        return Problem.of(Response.Status.BAD_REQUEST, rejected.getMessage(), Problem.pathOf(uri)).toResponse();
    }
}
