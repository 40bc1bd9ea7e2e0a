package org.videoplatform.members.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.videoplatform.members.entity.AttendanceRefused;
import org.videoplatform.problems.Problem;

/** An attendee asked to move where their state does not lead: 409, naming where it does. */
@Provider
public class AttendanceRefusedMapper implements ExceptionMapper<AttendanceRefused> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(AttendanceRefused refused) {
        return Problem.of(Response.Status.CONFLICT, refused.getMessage(), Problem.pathOf(uri)).toResponse();
    }
}
