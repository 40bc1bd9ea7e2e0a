package org.videoplatform.problems;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body that could not be read as the JSON the endpoint expects: malformed, of the
 * wrong shape, with fields the endpoint does not know, or larger than allowed.
 */
@Provider
public class InvalidBodyMapper implements ExceptionMapper<ProcessingException> {

    /** Yasson's words for a field the target type lacks, e.g. "Json property colour can not be mapped to a class". */
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Json property (\\S+) can not be mapped");

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException exception) {
        String path = Problem.pathOf(uri);
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return tooLarge.problem(path).toResponse();
            }
            Matcher unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(cause.getMessage()));
            if (unknown.find()) {
                String field = unknown.group(1);
                return Problem.invalid("The field " + field + " is not one this endpoint accepts.", path,
                        List.of(new Problem.FieldError(field, "is not a field this endpoint accepts"))).toResponse();
            }
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        return Problem.of(Response.Status.BAD_REQUEST,
                "The request body is not valid JSON for this endpoint: " + plain(cause.getMessage()), path).toResponse();
    }

    /** The innermost parser message, without the framework's message codes. */
    private static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "it could not be read.";
        }
        return message.replaceAll("RESTEASY\\d+: ", "").replaceAll("\\s+", " ").strip();
    }
}
