package org.videoplatform.problems;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads every text field of a request body, refusing the NUL character. JSON may carry it,
 * escaped, in text pasted from a PDF for instance; PostgreSQL cannot store it in text, and refused
 * there it failed the whole request as an unexpected error.
 */
public class TextWithoutNul implements JsonbDeserializer<String> {

    /** What is wrong with the value, said after the name of its field. */
    static final class Refused extends JsonbException {

        Refused(String message) {
            super(message);
        }
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        // The parser Yasson hands over cannot say its current event; the value it can give.
        JsonValue value = parser.getValue();
        String text = switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            case OBJECT, ARRAY -> throw new Refused("is " + (value.getValueType() == JsonValue.ValueType.OBJECT ? "an object" : "a list")
                    + " where text belongs");
        };
        if (text != null && text.indexOf('\0') >= 0) {
            throw new Refused("holds the NUL character (\\u0000), which text cannot contain here");
        }
        return text;
    }
}
