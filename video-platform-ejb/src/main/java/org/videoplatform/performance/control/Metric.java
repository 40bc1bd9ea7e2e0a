package org.videoplatform.performance.control;

import java.util.Locale;
import java.util.regex.Pattern;

/** What is kept per post and day, and how each platform writes it. */
public enum Metric {
    /**
     * Views as each platform counts them, which do not compare: YouTube counts every start of a
     * Short since March 2025 (its older count is "Engaged views"); Facebook and Instagram "Views"
     * count every play of a video or reel, replays included.
     */
    VIEWS(Unit.COUNT),
    UNIQUE_VIEWERS(Unit.COUNT),
    WATCH_SECONDS(Unit.SECONDS),
    AVERAGE_VIEW_SECONDS(Unit.SECONDS),
    COMPLETION_PERCENT(Unit.PERCENT),
    SHARES(Unit.COUNT),
    REACTIONS(Unit.COUNT),
    COMMENTS(Unit.COUNT),
    FOLLOWER_VIEWS(Unit.COUNT),
    NON_FOLLOWER_VIEWS(Unit.COUNT);

    /** How a column writes the metric; YouTube gives watch time in hours and durations as H:MM:SS. */
    enum Unit { COUNT, SECONDS, HOURS, PERCENT }

    private static final Pattern CLOCK = Pattern.compile("(\\d+):([0-5]\\d):([0-5]\\d)");
    /** A leading "0," is never a group of thousands: "0,500" is a half. */
    private static final Pattern GROUPED_THOUSANDS = Pattern.compile("[1-9]\\d{0,2}(,\\d{3})+(\\.\\d+)?%?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d+%?");

    final Unit unit;

    Metric(Unit unit) {
        this.unit = unit;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The value of a cell written in the given unit, or an exception naming what was wrong.
     * Meta writes thousands as "15,000" in some exports, and European spreadsheets write a half as "0,5".
     */
    static Number parse(String cell, Unit unit) {
        String text = cell.strip();
        if (GROUPED_THOUSANDS.matcher(text).matches()) {
            text = text.replace(",", "");
        } else if (DECIMAL_COMMA.matcher(text).matches()) {
            text = text.replace(',', '.');
        }
        switch (unit) {
            case COUNT -> {
                long count = Long.parseLong(text);
                if (count < 0) {
                    throw new NumberFormatException("a count cannot be negative");
                }
                return count;
            }
            case SECONDS -> {
                var clock = CLOCK.matcher(text);
                if (clock.matches()) {
                    return Integer.parseInt(clock.group(1)) * 3600.0 + Integer.parseInt(clock.group(2)) * 60.0 + Integer.parseInt(clock.group(3));
                }
                return nonNegative(Double.parseDouble(text));
            }
            case HOURS -> {
                return nonNegative(Double.parseDouble(text)) * 3600.0;
            }
            default -> {
                return nonNegative(Double.parseDouble(text.replace("%", "")));
            }
        }
    }

    private static double nonNegative(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new NumberFormatException("not a positive number");
        }
        return value;
    }
}
