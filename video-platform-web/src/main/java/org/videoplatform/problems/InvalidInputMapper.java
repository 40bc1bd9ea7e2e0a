package org.videoplatform.problems;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.videoplatform.platform.entity.InvalidInput;

/**
 * Input that is valid field by field but not as a whole, or not for the step asked (a deadline
 * already past on submit, a workshop ending before it starts): 400, naming the field to fix.
 */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(InvalidInput invalid) {
        String path = Problem.pathOf(uri);
        if (invalid.field() == null) {
            return Problem.of(Response.Status.BAD_REQUEST, invalid.getMessage(), path).toResponse();
        }
        return Problem.invalid("The field " + invalid.field() + " " + invalid.getMessage() + ".", path,
                List.of(new Problem.FieldError(invalid.field(), invalid.getMessage()))).toResponse();
    }
}
