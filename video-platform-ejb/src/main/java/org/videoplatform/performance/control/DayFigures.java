package org.videoplatform.performance.control;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * One post's figures for one day as a platform reports them. Null is "this import does not say",
 * never zero: YouTube Studio exports one metric per file, so imports fill in what they know.
 *
 * @param views each platform's own definition: see {@link Metric#VIEWS}
 * @param uniqueViewers unique viewers or reach, which do not add up across days
 * @param completionPercent average percentage of the video watched; can exceed 100 for looping shorts
 */
public record DayFigures(Long views, Long uniqueViewers, Double watchSeconds, Double avgViewSeconds, Double completionPercent,
                         Long shares, Long reactions, Long comments, Long followerViews, Long nonFollowerViews) {

    /**
     * More than any post has had, many times over. A larger figure is a broken cell, and kept, it
     * would overflow the sums the totals are made of.
     */
    public static final long MOST_COUNTED = 1_000_000_000_000L;
    public static final double MOST_SECONDS = 1e15;
    /** Above 100 where viewers watch again, as a looping Short's do, and never by this much. */
    public static final double MOST_PERCENT = 1e6;

    public static final DayFigures NONE = new DayFigures(null, null, null, null, null, null, null, null, null, null);

    public DayFigures {
        for (Long count : Arrays.asList(views, uniqueViewers, shares, reactions, comments, followerViews, nonFollowerViews)) {
            if (count != null && count > MOST_COUNTED) {
                throw new IllegalArgumentException("a count of " + count + " is more than any post has had (at most " + MOST_COUNTED
                        + "): is the cell right?");
            }
        }
        for (Double seconds : Arrays.asList(watchSeconds, avgViewSeconds)) {
            if (seconds != null && seconds > MOST_SECONDS) {
                throw new IllegalArgumentException("a watch time of " + seconds + " seconds is more than any post has had: is the cell right?");
            }
        }
        if (completionPercent != null && completionPercent > MOST_PERCENT) {
            throw new IllegalArgumentException("a completion of " + completionPercent + " % is more than any post has had: is the cell right?");
        }
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Whether every figure given is zero, as on the days YouTube pads its charts with. */
    public boolean isAllZero() {
        return Stream.of(views, uniqueViewers, watchSeconds, avgViewSeconds, completionPercent, shares, reactions, comments,
                followerViews, nonFollowerViews).allMatch(value -> value == null || value.doubleValue() == 0);
    }

    /** These figures with the ones the other gives laid over them: the later export of a metric wins. */
    public DayFigures overlaidWith(DayFigures other) {
        return new DayFigures(either(other.views, views), either(other.uniqueViewers, uniqueViewers), either(other.watchSeconds, watchSeconds),
                either(other.avgViewSeconds, avgViewSeconds), either(other.completionPercent, completionPercent), either(other.shares, shares),
                either(other.reactions, reactions), either(other.comments, comments), either(other.followerViews, followerViews),
                either(other.nonFollowerViews, nonFollowerViews));
    }

    DayFigures with(Metric metric, Number value) {
        return new DayFigures(
                metric == Metric.VIEWS ? (Long) value : views,
                metric == Metric.UNIQUE_VIEWERS ? (Long) value : uniqueViewers,
                metric == Metric.WATCH_SECONDS ? (Double) value : watchSeconds,
                metric == Metric.AVERAGE_VIEW_SECONDS ? (Double) value : avgViewSeconds,
                metric == Metric.COMPLETION_PERCENT ? (Double) value : completionPercent,
                metric == Metric.SHARES ? (Long) value : shares,
                metric == Metric.REACTIONS ? (Long) value : reactions,
                metric == Metric.COMMENTS ? (Long) value : comments,
                metric == Metric.FOLLOWER_VIEWS ? (Long) value : followerViews,
                metric == Metric.NON_FOLLOWER_VIEWS ? (Long) value : nonFollowerViews);
    }

    private static <T> T either(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
