package org.videoplatform.performance.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.videoplatform.pitches.entity.SocialPlatform;

/**
 * Writes an import's lines into the daily figures, a few thousand lines per statement as arrays.
 * Figures replace what an earlier import said for the same post, day and metric, and leave the
 * metrics a file does not carry alone, so importing a file again changes nothing and YouTube's
 * one-metric exports fill in each other's columns.
 */
public final class MetricsWriter {

    static final int BATCH = 5000;
    static final int PROBLEMS_KEPT = 200;

    private static final String COLUMNS = "post_id, day, views, unique_viewers, watch_seconds, avg_view_seconds, completion_percent, "
            + "shares, reactions, comments, follower_views, non_follower_views";

    private static final String REPLACE_GIVEN = " ON CONFLICT (post_id, day) DO UPDATE SET "
            + "views = COALESCE(EXCLUDED.views, m.views), unique_viewers = COALESCE(EXCLUDED.unique_viewers, m.unique_viewers), "
            + "watch_seconds = COALESCE(EXCLUDED.watch_seconds, m.watch_seconds), "
            + "avg_view_seconds = COALESCE(EXCLUDED.avg_view_seconds, m.avg_view_seconds), "
            + "completion_percent = COALESCE(EXCLUDED.completion_percent, m.completion_percent), "
            + "shares = COALESCE(EXCLUDED.shares, m.shares), reactions = COALESCE(EXCLUDED.reactions, m.reactions), "
            + "comments = COALESCE(EXCLUDED.comments, m.comments), follower_views = COALESCE(EXCLUDED.follower_views, m.follower_views), "
            + "non_follower_views = COALESCE(EXCLUDED.non_follower_views, m.non_follower_views)";

    private static final String UNNEST = "unnest(?::uuid[], ?::date[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[], "
            + "?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])";

    private static final String DAILY = "INSERT INTO post_metrics AS m (" + COLUMNS + ") SELECT * FROM " + UNNEST + REPLACE_GIVEN;

    // A lifetime total becomes the day's figure by taking off what the days before it already hold;
    // reach and averages are not sums, so they stay as given. LEAST keeps a day from going negative
    // and, ignoring nulls, keeps an absent total absent.
    private static final String LIFETIME = "INSERT INTO post_metrics AS m (" + COLUMNS + ") SELECT u.post_id, u.day, "
            + "u.views - LEAST(COALESCE(b.views, 0), u.views), u.unique_viewers, "
            + "u.watch_seconds - LEAST(COALESCE(b.watch_seconds, 0), u.watch_seconds), u.avg_view_seconds, u.completion_percent, "
            + "u.shares - LEAST(COALESCE(b.shares, 0), u.shares), u.reactions - LEAST(COALESCE(b.reactions, 0), u.reactions), "
            + "u.comments - LEAST(COALESCE(b.comments, 0), u.comments), u.follower_views, u.non_follower_views FROM " + UNNEST
            + " AS u (" + COLUMNS + ") LEFT JOIN LATERAL (SELECT sum(e.views) AS views, sum(e.watch_seconds) AS watch_seconds, "
            + "sum(e.shares) AS shares, sum(e.reactions) AS reactions, sum(e.comments) AS comments FROM post_metrics e "
            + "WHERE e.post_id = u.post_id AND e.day < u.day) b ON true" + REPLACE_GIVEN;

    private static final String TOTALS = "INSERT INTO post_metric_totals AS t (post_id, days, first_day, last_day, views, unique_viewers_peak, "
            + "watch_seconds, completion_percent, shares, reactions, comments, follower_views, non_follower_views) "
            + "SELECT post_id, count(*), min(day), max(day), sum(views), max(unique_viewers), sum(watch_seconds), "
            + "COALESCE(sum(completion_percent * views) / NULLIF(sum(views) FILTER (WHERE completion_percent IS NOT NULL), 0), "
            + "avg(completion_percent)), sum(shares), sum(reactions), sum(comments), "
            // Only days that give both halves of the split count towards it.
            + "sum(follower_views) FILTER (WHERE non_follower_views IS NOT NULL), sum(non_follower_views) FILTER (WHERE follower_views IS NOT NULL) "
            + "FROM post_metrics WHERE post_id = ANY(?::uuid[]) GROUP BY post_id ON CONFLICT (post_id) DO UPDATE SET days = EXCLUDED.days, "
            + "first_day = EXCLUDED.first_day, last_day = EXCLUDED.last_day, views = EXCLUDED.views, "
            + "unique_viewers_peak = EXCLUDED.unique_viewers_peak, watch_seconds = EXCLUDED.watch_seconds, "
            + "completion_percent = EXCLUDED.completion_percent, shares = EXCLUDED.shares, reactions = EXCLUDED.reactions, "
            + "comments = EXCLUDED.comments, follower_views = EXCLUDED.follower_views, non_follower_views = EXCLUDED.non_follower_views";

    /** What the import did with its lines. */
    public record Outcome(long kept, long beforePosting, long rejected, List<LineProblem> problems) {
    }

    private record Slot(UUID post, LocalDate day) {
    }

    private record Unknown(long firstLine, long lines) {
    }

    private final Connection connection;
    private final PostDirectory posts;
    private final Map<Slot, DayFigures> daily = new LinkedHashMap<>();
    private final Map<Slot, DayFigures> lifetime = new LinkedHashMap<>();
    private final Set<UUID> touched = new HashSet<>();
    private final List<LineProblem> problems = new ArrayList<>();
    private final Map<String, Unknown> unknownPosts = new LinkedHashMap<>();
    private long kept;
    private long beforePosting;
    private long rejected;

    public MetricsWriter(Connection connection) throws SQLException {
        this.connection = connection;
        List<PostDirectory.Post> known = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, platform, url, post_id, posted_at FROM platform_posts");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                known.add(new PostDirectory.Post(rows.getObject(1, UUID.class), SocialPlatform.valueOf(rows.getString(2)), rows.getString(3),
                        rows.getString(4), rows.getObject(5, java.time.OffsetDateTime.class).toLocalDate()));
            }
        }
        this.posts = new PostDirectory(known);
    }

    public void problem(LineProblem problem) {
        rejected++;
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(problem);
        }
    }

    public void write(MetricRow row) {
        var post = posts.find(row.platform(), row.references());
        if (post.isEmpty()) {
            // A channel's export covers videos never released here: one report per video, not per line.
            rejected++;
            unknownPosts.merge(row.platform().name().toLowerCase(java.util.Locale.ROOT) + " post \"" + row.references().get(0) + "\"",
                    new Unknown(row.line(), 1), (first, next) -> new Unknown(first.firstLine(), first.lines() + 1));
            return;
        }
        if (!row.lifetime() && row.day().isBefore(post.get().postedOn())) {
            // YouTube fills every day of the chart's range with zeros, years before the video existed.
            beforePosting++;
            return;
        }
        kept++;
        Slot slot = new Slot(post.get().id(), row.day());
        (row.lifetime() ? lifetime : daily).merge(slot, row.figures(), DayFigures::overlaidWith);
        if (daily.size() + lifetime.size() >= BATCH) {
            flush();
        }
    }

    /** Writes what is left, brings the touched posts' totals up to date and says what happened. */
    public Outcome finish() {
        flush();
        try (PreparedStatement totals = connection.prepareStatement(TOTALS)) {
            totals.setArray(1, connection.createArrayOf("uuid", touched.toArray()));
            totals.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not add up the imported figures", e);
        }
        List<LineProblem> reported = new ArrayList<>(problems);
        unknownPosts.forEach((post, unknown) -> {
            if (reported.size() < PROBLEMS_KEPT) {
                reported.add(new LineProblem(unknown.firstLine(), "no release here has a " + post
                        + (unknown.lines() > 1 ? " (nor " + (unknown.lines() - 1) + " more lines about it)" : "")
                        + ": record the post on its release, then import again"));
            }
        });
        reported.sort(java.util.Comparator.comparingLong(LineProblem::line));
        return new Outcome(kept, beforePosting, rejected, reported);
    }

    private void flush() {
        try {
            send(DAILY, daily);
            send(LIFETIME, lifetime);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the imported figures", e);
        }
    }

    private void send(String statement, Map<Slot, DayFigures> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        List<DayFigures> figures = new ArrayList<>(batch.values());
        try (PreparedStatement insert = connection.prepareStatement(statement)) {
            insert.setArray(1, connection.createArrayOf("uuid", batch.keySet().stream().map(Slot::post).toArray()));
            insert.setArray(2, connection.createArrayOf("date", batch.keySet().stream().map(s -> Date.valueOf(s.day())).toArray()));
            insert.setArray(3, array("bigint", figures, DayFigures::views));
            insert.setArray(4, array("bigint", figures, DayFigures::uniqueViewers));
            insert.setArray(5, array("float8", figures, DayFigures::watchSeconds));
            insert.setArray(6, array("float8", figures, DayFigures::avgViewSeconds));
            insert.setArray(7, array("float8", figures, DayFigures::completionPercent));
            insert.setArray(8, array("bigint", figures, DayFigures::shares));
            insert.setArray(9, array("bigint", figures, DayFigures::reactions));
            insert.setArray(10, array("bigint", figures, DayFigures::comments));
            insert.setArray(11, array("bigint", figures, DayFigures::followerViews));
            insert.setArray(12, array("bigint", figures, DayFigures::nonFollowerViews));
            insert.executeUpdate();
        }
        batch.keySet().forEach(slot -> touched.add(slot.post()));
        batch.clear();
    }

    private Array array(String type, List<DayFigures> figures, Function<DayFigures, Object> metric) throws SQLException {
        return connection.createArrayOf(type, figures.stream().map(metric).toArray());
    }
}
