package org.videoplatform.problems;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on a request, each named by the field the client sent. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        String path = uri == null ? null : Problem.pathOf(uri);
        return problem(exception, path).toResponse();
    }

    static Problem problem(ConstraintViolationException exception, String path) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.size() == 1
                ? "The field " + errors.get(0).field() + " " + errors.get(0).message() + "."
                : errors.size() + " fields are invalid.";
        return Problem.invalid(detail, path, errors);
    }

    /**
     * The property path as the client knows it: {@code submit.draft.crew[1].skill} becomes
     * {@code crew[1].skill}. A violation on a query or path parameter is named by the parameter.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> segments = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    parameter = node.getName();
                    continue;
                }
                default -> {
                    // Bean Validation puts an element's index on the node after its container.
                    if (node.isInIterable() && !segments.isEmpty()) {
                        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                        int last = segments.size() - 1;
                        segments.set(last, segments.get(last) + "[" + position + "]");
                    }
                    if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                        segments.add(node.getName());
                    }
                }
            }
        }
        if (!segments.isEmpty()) {
            return String.join(".", segments);
        }
        return parameter != null ? parameter : "request";
    }
}
