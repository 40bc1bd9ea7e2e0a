package org.videoplatform.performance.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.videoplatform.performance.boundary.Performance.Audience;
import org.videoplatform.performance.boundary.Performance.Day;
import org.videoplatform.performance.boundary.Performance.VideoTotals;

/**
 * The performance views as CSV for spreadsheets. Titles and goals are written by producers, so a
 * cell that a spreadsheet would run as a formula gets a leading apostrophe. The writer stays the
 * caller's to close.
 */
public final class PerformanceCsv {

    private static final Pattern FORMULA_AFTER_SEPARATOR = Pattern.compile("([,;\\t\\r\\n])([=+\\-@])");

    private PerformanceCsv() {
    }

    public static void videos(List<VideoTotals> videos, Writer out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
            csv.printRecord("production_id", "title", "producer", "format", "goal", "platforms", "views", "watch_time_seconds", "shares",
                    "reactions", "comments", "new_audience_share");
            for (VideoTotals video : videos) {
                csv.printRecord(video.productionId(), text(video.title()), text(video.producer()), video.format(), text(video.goal()),
                        video.platforms().stream().map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" ")),
                        video.views(), video.watchSeconds(), video.shares(), video.reactions(), video.comments(), share(video.audience()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void days(List<Day> days, Writer out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
            csv.printRecord("date", "platform", "views", "unique_viewers", "watch_time_seconds", "average_view_duration_seconds",
                    "completion_rate_percent", "shares", "reactions", "comments", "follower_views", "non_follower_views");
            for (Day day : days) {
                csv.printRecord(day.day(), day.platform().name().toLowerCase(Locale.ROOT), day.views(), day.uniqueViewers(), day.watchSeconds(),
                        day.avgViewSeconds(), day.completionPercent(), day.shares(), day.reactions(), day.comments(), day.followerViews(),
                        day.nonFollowerViews());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unknown stays an empty cell, not 0. */
    private static String share(Audience audience) {
        return audience.newShare() == null ? null : String.format(Locale.ROOT, "%.4f", audience.newShare());
    }

    /**
     * Text a spreadsheet would run as a formula gets an apostrophe before it: at the start of the
     * cell, and after each separator in it too, as a spreadsheet in a country that writes a decimal
     * comma splits a line on semicolons, and the text after one becomes a cell of its own.
     */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String inner = FORMULA_AFTER_SEPARATOR.matcher(value).replaceAll("$1'$2");
        return !inner.isEmpty() && "=+-@\t\r".indexOf(inner.charAt(0)) >= 0 ? "'" + inner : inner;
    }
}
