package org.videoplatform.problems;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param errors one entry per invalid field, empty unless the request failed validation
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA_TYPE_VALUE = MediaType.valueOf(MEDIA_TYPE);

    /** A field and what is wrong with it, e.g. {@code title}: "must not be blank". */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail, String instance) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance, List.of());
    }

    public static Problem invalid(String detail, String instance, List<FieldError> errors) {
        Response.Status status = Response.Status.BAD_REQUEST;
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance, List.copyOf(errors));
    }

    /** The request's path as the client sent it, application path included. */
    public static String pathOf(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE_VALUE).entity(this).build();
    }
}
