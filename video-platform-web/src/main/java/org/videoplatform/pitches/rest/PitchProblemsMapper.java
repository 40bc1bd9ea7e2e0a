package org.videoplatform.pitches.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.videoplatform.pitches.entity.InvalidPitch;
import org.videoplatform.pitches.entity.PitchTransitionRefused;
import org.videoplatform.problems.Problem;

/** A move the pitch's state does not allow (409), and a pitch not fit for the step asked (400, naming the field). */
public final class PitchProblemsMapper {

    private PitchProblemsMapper() {
    }

    @Provider
    public static class TransitionRefusedMapper implements ExceptionMapper<PitchTransitionRefused> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(PitchTransitionRefused refused) {
            return Problem.of(Response.Status.CONFLICT, refused.getMessage(), Problem.pathOf(uri)).toResponse();
        }
    }

    @Provider
    public static class InvalidPitchMapper implements ExceptionMapper<InvalidPitch> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(InvalidPitch invalid) {
            return Problem.invalid("The field " + invalid.field() + " " + invalid.getMessage() + ".", Problem.pathOf(uri),
                    List.of(new Problem.FieldError(invalid.field(), invalid.getMessage()))).toResponse();
        }
    }
}
