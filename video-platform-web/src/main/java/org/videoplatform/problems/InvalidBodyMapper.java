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
import java.util.Optional;
import java.util.Set;
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
    private static final Pattern UNKNOWN_CONSTANT = Pattern.compile("No enum constant (\\S+)");
    private static final Set<String> WHOLE_NUMBERS = Set.of("Long", "Integer", "Short", "Byte", "BigInteger");
    /** The type Yasson was reading a date or a number into, e.g. "Error parsing class java.time.LocalDate from value". */
    private static final Pattern TARGET_TYPE = Pattern.compile("(?:Error parsing class|into type: class) java\\.(?:time|lang|math)\\.(\\w+)");

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException exception) {
        String path = Problem.pathOf(uri);
        List<String> fields = new ArrayList<>();
        String wrongValue = null;
        String targetType = null;
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return tooLarge.problem(path).toResponse();
            }
            String message = String.valueOf(cause.getMessage());
            Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
            if (unknown.find()) {
                String field = unknown.group(1);
                return Problem.invalid("The field " + field + " is not one this endpoint accepts.", path,
                        List.of(new Problem.FieldError(field, "is not a field this endpoint accepts"))).toResponse();
            }
            Matcher unreadable = UNREADABLE_PROPERTY.matcher(message);
            // Yasson names the property again at each level it passes the failure through.
            if (unreadable.find() && (fields.isEmpty() || !fields.get(fields.size() - 1).equals(unreadable.group(1)))) {
                fields.add(unreadable.group(1));
            }
            Matcher constant = UNKNOWN_CONSTANT.matcher(message);
            if (wrongValue == null && constant.find()) {
                wrongValue = unknownConstant(constant.group(1));
            }
            Matcher target = TARGET_TYPE.matcher(message);
            if (targetType == null && target.find()) {
                targetType = target.group(1);
            }
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        if (wrongValue == null) {
            wrongValue = wrongValue(cause, targetType);
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
    private static String wrongValue(Throwable innermost, String targetType) {
        if (innermost instanceof TextWithoutNul.Refused) {
            return innermost.getMessage();
        }
        if (innermost instanceof DateTimeParseException unparsed) {
            return "\"" + unparsed.getParsedString() + "\" is not " + ("LocalDate".equals(targetType) ? "a date like 2026-11-27"
                    : "a date and time like 2026-11-27T18:00:00Z");
        }
        if (innermost instanceof NumberFormatException || innermost instanceof ArithmeticException) {
            return WHOLE_NUMBERS.contains(targetType) || innermost instanceof ArithmeticException ? "is not a whole number" : "is not a number";
        }
        return null;
    }

    /**
     * Says which names an enum takes. The message gives the enum's canonical name and the value
     * together, and the value may hold dots itself ("youtube.com"): the enum is the shortest
     * prefix that loads as one.
     */
    private static String unknownConstant(String qualified) {
        for (int dot = qualified.indexOf('.'); dot > 0; dot = qualified.indexOf('.', dot + 1)) {
            Optional<String> constants = constantsOf(qualified.substring(0, dot));
            if (constants.isPresent()) {
                return "\"" + qualified.substring(dot + 1) + "\" is not one of " + constants.get();
            }
        }
        return "\"" + qualified.substring(qualified.lastIndexOf('.') + 1) + "\" is not one of the values this field takes";
    }

    /** The names an enum takes, if a class of that canonical name is one. */
    private static Optional<String> constantsOf(String enumClass) {
        // A nested enum's binary name has a $ where its canonical name has its last dot.
        String name = enumClass;
        while (true) {
            try {
                Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                if (type.isEnum()) {
                    return Optional.of(Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", ")));
                }
            } catch (ClassNotFoundException | LinkageError unseen) {
                // Tried next as a nested class's name.
            }
            int lastDot = name.lastIndexOf('.');
            if (lastDot < 0) {
                return Optional.empty();
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
