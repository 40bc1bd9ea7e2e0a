package org.videoplatform.problems;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A request body that could not be read as the JSON the endpoint expects: malformed, of the
 * wrong shape, with fields the endpoint does not know, or larger than allowed.
 */
@Provider
public class InvalidBodyMapper implements ExceptionMapper<ProcessingException> {

    /** Yasson's words for a field the target type lacks, e.g. "Json property colour can not be mapped to a class". */
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Json property (\\S+) can not be mapped");
    /** Yasson's words for a field whose value it could not read, e.g. "Unable to deserialize property 'day' because of: …". */
    private static final Pattern UNREADABLE_PROPERTY = Pattern.compile("Unable to deserialize property '([^']+)'");
    /** An enum given a name it lacks, e.g. "No enum constant org.videoplatform.pitches.entity.SocialPlatform.TWITTER". */
    private static final Pattern UNKNOWN_CONSTANT = Pattern.compile("No enum constant ([\\w.$]+)\\.(\\S+)");

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException exception) {
        String path = Problem.pathOf(uri);
        List<String> fields = new ArrayList<>();
        String wrongValue = null;
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
            Matcher unreadable = UNREADABLE_PROPERTY.matcher(String.valueOf(cause.getMessage()));
            // Yasson names the property again at each level it passes the failure through.
            if (unreadable.find() && (fields.isEmpty() || !fields.get(fields.size() - 1).equals(unreadable.group(1)))) {
                fields.add(unreadable.group(1));
            }
            Matcher constant = UNKNOWN_CONSTANT.matcher(String.valueOf(cause.getMessage()));
            if (wrongValue == null && constant.find()) {
                wrongValue = "\"" + constant.group(2) + "\" is not one of " + constantsOf(constant.group(1));
            }
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        if (wrongValue == null) {
            wrongValue = wrongValue(cause);
        }
        if (wrongValue == null) {
            return Problem.of(Response.Status.BAD_REQUEST,
                    "The request body is not valid JSON for this endpoint: " + plain(cause.getMessage()), path).toResponse();
        }
        if (fields.isEmpty()) {
            return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this endpoint: " + wrongValue + ".", path)
                    .toResponse();
        }
        String field = String.join(".", fields);
        return Problem.invalid("The field " + field + " " + wrongValue + ".", path, List.of(new Problem.FieldError(field, wrongValue)))
                .toResponse();
    }

    /** What is wrong with a value the parser could not turn into the field's type, if it is a type people get wrong. */
    private static String wrongValue(Throwable innermost) {
        if (innermost instanceof TextWithoutNul.Refused) {
            return innermost.getMessage();
        }
        if (innermost instanceof DateTimeParseException unparsed) {
            return "\"" + unparsed.getParsedString() + "\" is not a date like 2026-11-27, or a date and time like 2026-11-27T18:00:00Z";
        }
        if (innermost instanceof NumberFormatException || innermost instanceof ArithmeticException) {
            return "is not a whole number";
        }
        return null;
    }

    /** The names an enum takes, or words to that effect where its class cannot be seen from here. */
    private static String constantsOf(String enumClass) {
        // The message gives the canonical name; a nested enum's binary name has a $ where its last dot is.
        String name = enumClass;
        while (true) {
            try {
                Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                if (type.isEnum()) {
                    return Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
                }
            } catch (ClassNotFoundException | LinkageError unseen) {
                // Tried next as a nested class's name.
            }
            int lastDot = name.lastIndexOf('.');
            if (lastDot < 0) {
                return "the values this field takes";
            }
            name = name.substring(0, lastDot) + "$" + name.substring(lastDot + 1);
        }
    }

    /** The innermost parser message, without the framework's message codes. */
    private static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "it could not be read.";
        }
        return message.replaceAll("RESTEASY\\d+: ", "").replaceAll("\\s+", " ").strip();
    }
}
