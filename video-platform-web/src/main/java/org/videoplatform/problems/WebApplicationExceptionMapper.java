package org.videoplatform.problems;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors JAX-RS raises itself (no such route, wrong method, unsupported media type) or that
 * resources throw with a status. The framework's own messages name its internals, so each
 * status gets a sentence of ours instead.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** RESTEasy's words when a query parameter's value does not convert to the parameter's type. */
    private static final Pattern UNCONVERTIBLE_QUERY_PARAMETER = Pattern.compile("QueryParam\\(\"([^\"]+)\"\\) value is '([^']*)'");

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Matcher badQuery = UNCONVERTIBLE_QUERY_PARAMETER.matcher(String.valueOf(exception.getMessage()));
        if (exception instanceof NotFoundException && badQuery.find()) {
            // JAX-RS answers 404 for a query value it cannot convert; the client sent a bad value, not a bad route.
            String parameter = badQuery.group(1);
            return Problem.invalid("The query parameter " + parameter + " cannot be \"" + badQuery.group(2) + "\".",
                    Problem.pathOf(uri), List.of(new Problem.FieldError(parameter, "is not a value this endpoint knows"))).toResponse();
        }
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String path = Problem.pathOf(uri);
        Problem problem = Problem.of(status, detail(exception, status, path), path);
        Response.ResponseBuilder response = Response.fromResponse(problem.toResponse());
        // What the client may do next travels with the problem: the methods allowed, when to try again.
        for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER}) {
            String value = original.getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }

    private String detail(WebApplicationException exception, Response.StatusType status, String path) {
        if (exception instanceof NotFoundException) {
            return hasOwnMessage(exception) ? exception.getMessage() : "There is nothing at " + path + ".";
        }
        if (exception instanceof NotAllowedException) {
            String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return request.getMethod() + " is not allowed on " + path
                    + (allow == null ? "." : "; it accepts " + allow + ".");
        }
        return switch (status.getStatusCode()) {
            case 401 -> "Sign in first: this needs a valid access token.";
            case 403 -> "Your account is not allowed to do this.";
            case 406 -> "This endpoint answers application/json only.";
            case 415 -> "Send the request body as application/json.";
            case 413 -> "The request body is too large.";
            default -> hasOwnMessage(exception) ? exception.getMessage() : status.getReasonPhrase() + ".";
        };
    }

    /** Messages our resources wrote, as opposed to the defaults of JAX-RS and RESTEasy. */
    private static boolean hasOwnMessage(WebApplicationException exception) {
        String message = exception.getMessage();
        return message != null && !message.startsWith("HTTP ") && !message.startsWith("RESTEASY");
    }
}
