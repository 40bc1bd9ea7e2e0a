package org.videoplatform.problems;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses a query parameter holding the NUL character, as {@link TextWithoutNul} does in bodies:
 * a search for "%00" reached PostgreSQL, which cannot take it in text, and failed as an
 * unexpected error.
 */
@Provider
public class QueryWithoutNul implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                String refused = "holds the NUL character (%00), which text cannot contain here";
                request.abortWith(Problem.invalid("The field " + parameter.getKey() + " " + refused + ".", Problem.pathOf(request.getUriInfo()),
                        List.of(new Problem.FieldError(parameter.getKey(), refused))).toResponse());
                return;
            }
        }
    }
}
