package org.videoplatform.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** A client that has asked for more than its share, told in words and in Retry-After when to come back. */
public class TooManyRequests extends WebApplicationException {

    public TooManyRequests(String detail, Duration retryAfter) {
        super(detail, Response.status(Response.Status.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds())).build());
    }
}
