package org.videoplatform.review.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;
import java.util.regex.Pattern;
import org.videoplatform.platform.entity.InvalidInput;

/**
 * Marks drawn on a frame, kept as shapes rather than pixels so they are redrawn sharp over the
 * player at whatever size it has: a JSON array of {@code {"kind", "color", "points"}}, each point
 * {@code [x, y]} a fraction of the picture's width and height from its top left corner. Arrows and
 * rectangles take two points, freehand lines two or more.
 */
public final class Drawing {

    static final int MAX_SHAPES = 50;
    static final int MAX_POINTS = 2000;
    private static final Set<String> KINDS = Set.of("arrow", "rectangle", "freehand");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String FIELD = "drawing";

    private Drawing() {
    }

    /**
     * @return the drawing rewritten with only the fields it may have, or null for none
     * @throws InvalidInput naming the shape that is wrong
     */
    public static String checked(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonArray shapes;
        try (var reader = Json.createReader(new StringReader(json))) {
            shapes = reader.readArray();
        } catch (JsonException | IllegalStateException notAnArray) {
            throw new InvalidInput(FIELD, "must be a JSON array of shapes");
        }
        if (shapes.size() > MAX_SHAPES) {
            throw new InvalidInput(FIELD, "may have at most " + MAX_SHAPES + " shapes");
        }
        JsonArrayBuilder kept = Json.createArrayBuilder();
        for (int i = 0; i < shapes.size(); i++) {
            kept.add(shape(shapes.get(i), "shape " + (i + 1)));
        }
        JsonArray result = kept.build();
        return result.isEmpty() ? null : result.toString();
    }

    private static JsonObject shape(JsonValue value, String name) {
        if (!(value instanceof JsonObject shape)) {
            throw new InvalidInput(FIELD, name + " must be an object");
        }
        String kind = shape.getString("kind", "");
        if (!KINDS.contains(kind)) {
            throw new InvalidInput(FIELD, name + " must be an arrow, a rectangle or freehand");
        }
        String color = shape.getString("color", "#ffcc00");
        if (!COLOR.matcher(color).matches()) {
            throw new InvalidInput(FIELD, name + " must have a colour like #ff0000");
        }
        JsonArray points = shape.get("points") instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
        boolean twoPoints = !kind.equals("freehand");
        if (points.size() < 2 || (twoPoints && points.size() != 2) || points.size() > MAX_POINTS) {
            throw new InvalidInput(FIELD, name + " (" + kind + ") must have " + (twoPoints ? "exactly 2 points" : "2 to " + MAX_POINTS + " points"));
        }
        JsonArrayBuilder kept = Json.createArrayBuilder();
        for (JsonValue point : points) {
            kept.add(point(point, name));
        }
        return Json.createObjectBuilder().add("kind", kind).add("color", color.toLowerCase()).add("points", kept).build();
    }

    private static JsonArray point(JsonValue value, String name) {
        if (value instanceof JsonArray xy && xy.size() == 2 && xy.get(0) instanceof JsonNumber x && xy.get(1) instanceof JsonNumber y
                && within(x.doubleValue()) && within(y.doubleValue())) {
            return Json.createArrayBuilder().add(x.doubleValue()).add(y.doubleValue()).build();
        }
        throw new InvalidInput(FIELD, name + " has a point that is not [x, y] with both between 0 and 1");
    }

    private static boolean within(double fraction) {
        return fraction >= 0 && fraction <= 1;
    }
}
