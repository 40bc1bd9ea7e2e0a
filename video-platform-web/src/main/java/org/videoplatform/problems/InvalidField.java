package org.videoplatform.problems;

import jakarta.ws.rs.BadRequestException;

/** A field that is valid alone but not with the others (a workshop that ends before it starts). */
public class InvalidField extends BadRequestException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    Problem problem(String path) {
        return Problem.invalid("The field " + field + " " + getMessage() + ".", path,
                java.util.List.of(new Problem.FieldError(field, getMessage())));
    }
}
