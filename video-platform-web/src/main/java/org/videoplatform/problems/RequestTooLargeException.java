package org.videoplatform.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A request body over the API's limit; large files never pass through the API (they go to storage). */
public class RequestTooLargeException extends WebApplicationException {

    private final long limitBytes;

    public RequestTooLargeException(long limitBytes) {
        super("The request body is larger than the " + limitBytes + " bytes this API accepts.",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
        this.limitBytes = limitBytes;
    }

    Problem problem(String path) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than the " + limitBytes + " bytes this API accepts.", path);
    }
}
