package org.videoplatform.performance.control;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.releases.entity.PlatformPost;

/**
 * Writes an import's lines into the daily figures. Lines stream through PostgreSQL's COPY into a
 * table of the transaction's own as they are read, then go into the figures in one statement:
 * a million lines take seconds, where statements of a few thousand rows each took half a minute
 * (docs/benchmarks.md).
 * Figures replace what an earlier import said for the same post, day and metric, and leave the
 * metrics a file does not carry alone, so importing a file again changes nothing and YouTube's
 * one-metric exports fill in each other's columns. A file that gives a post's day twice counts its later line.
 */
public final class MetricsWriter {

    static final int PROBLEMS_KEPT = 200;
    private static final int COPY_CHUNK = 1 << 20;
    // Lifetime totals can be as of a day before the post's (a wrong export date); room for those.
    private static final int DAYS_BEFORE_POSTING = 366;

    private static final String STAGING = "CREATE TEMPORARY TABLE metric_import_lines (line bigint, lifetime boolean, post_id uuid, day date, "
            + "views bigint, unique_viewers bigint, watch_seconds double precision, avg_view_seconds double precision, "
            + "completion_percent double precision, shares bigint, reactions bigint, comments bigint, follower_views bigint, "
            + "non_follower_views bigint) ON COMMIT DROP";

    private static final String COLUMNS = "post_id, day, views, unique_viewers, watch_seconds, avg_view_seconds, completion_percent, "
            + "shares, reactions, comments, follower_views, non_follower_views";

    private static final String LATEST_LINES = "(SELECT DISTINCT ON (post_id, day) * FROM metric_import_lines WHERE lifetime = ? "
            + "ORDER BY post_id, day, line DESC) u";

    // Sorting a million lines to find repeated days costs seconds; files rarely repeat one.
    private static final String EVERY_LINE = "(SELECT * FROM metric_import_lines WHERE lifetime = ?) u";

    private static final String REPLACE_GIVEN = " ON CONFLICT (post_id, %s) DO UPDATE SET "
            + "views = COALESCE(EXCLUDED.views, m.views), unique_viewers = COALESCE(EXCLUDED.unique_viewers, m.unique_viewers), "
            + "watch_seconds = COALESCE(EXCLUDED.watch_seconds, m.watch_seconds), "
            + "avg_view_seconds = COALESCE(EXCLUDED.avg_view_seconds, m.avg_view_seconds), "
            + "completion_percent = COALESCE(EXCLUDED.completion_percent, m.completion_percent), "
            + "shares = COALESCE(EXCLUDED.shares, m.shares), reactions = COALESCE(EXCLUDED.reactions, m.reactions), "
            + "comments = COALESCE(EXCLUDED.comments, m.comments), follower_views = COALESCE(EXCLUDED.follower_views, m.follower_views), "
            + "non_follower_views = COALESCE(EXCLUDED.non_follower_views, m.non_follower_views) "
            // A day the import leaves as it was is not written again: a repeated import only reads.
            + "WHERE (m.views, m.unique_viewers, m.watch_seconds, m.avg_view_seconds, m.completion_percent, m.shares, m.reactions, "
            + "m.comments, m.follower_views, m.non_follower_views) IS DISTINCT FROM (COALESCE(EXCLUDED.views, m.views), "
            + "COALESCE(EXCLUDED.unique_viewers, m.unique_viewers), COALESCE(EXCLUDED.watch_seconds, m.watch_seconds), "
            + "COALESCE(EXCLUDED.avg_view_seconds, m.avg_view_seconds), COALESCE(EXCLUDED.completion_percent, m.completion_percent), "
            + "COALESCE(EXCLUDED.shares, m.shares), COALESCE(EXCLUDED.reactions, m.reactions), COALESCE(EXCLUDED.comments, m.comments), "
            + "COALESCE(EXCLUDED.follower_views, m.follower_views), COALESCE(EXCLUDED.non_follower_views, m.non_follower_views))";

    private static final String DAILY = "INSERT INTO post_metrics AS m (" + COLUMNS + ") SELECT " + COLUMNS + " FROM %s"
            + REPLACE_GIVEN.formatted("day");

    // Lifetime totals are kept as exported, by the day they were exported on.
    private static final String LIFETIME = "INSERT INTO post_lifetime_totals AS m (" + COLUMNS.replace("day", "as_of") + ") SELECT "
            + COLUMNS + " FROM %s" + REPLACE_GIVEN.formatted("as_of");

    // Each export day's figures are what its totals add to the last export before it that gave them,
    // worked out again for every export of the touched posts, so exports may come in any order. Reach
    // and averages are not sums and stay as given. A total that went down (a platform taking back
    // invalid views) gives a negative day, so the days still add up to the latest total.
    private static final String LIFETIME_DAYS = "INSERT INTO post_metrics AS m (" + COLUMNS + ") SELECT post_id, as_of, "
            + addedSinceBefore("views") + ", unique_viewers, " + addedSinceBefore("watch_seconds") + ", avg_view_seconds, completion_percent, "
            + addedSinceBefore("shares") + ", " + addedSinceBefore("reactions") + ", " + addedSinceBefore("comments") + ", "
            + addedSinceBefore("follower_views") + ", " + addedSinceBefore("non_follower_views") + " FROM post_lifetime_totals t "
            + "WHERE post_id IN (SELECT post_id FROM metric_import_lines WHERE lifetime) "
            + "WINDOW earlier AS (PARTITION BY post_id ORDER BY as_of)" + REPLACE_GIVEN.formatted("day");

    // Post by post through the figures' key, so the plan stays the same however stale the
    // statistics are after a big import: a join planned on them once scanned every figure per post.
    private static final String TOTALS = "INSERT INTO post_metric_totals AS t (post_id, days, first_day, last_day, views, unique_viewers_peak, "
            + "watch_seconds, completion_percent, shares, reactions, comments, follower_views, non_follower_views) "
            + "SELECT p.post_id, s.* FROM (SELECT DISTINCT post_id FROM metric_import_lines) p CROSS JOIN LATERAL ("
            + "SELECT count(*), min(day), max(day), sum(views), max(unique_viewers), sum(watch_seconds), "
            + "COALESCE(sum(completion_percent * views) / NULLIF(sum(views) FILTER (WHERE completion_percent IS NOT NULL), 0), "
            + "avg(completion_percent)), sum(shares), sum(reactions), sum(comments), "
            // Only days that give both halves of the split count towards it.
            + "sum(follower_views) FILTER (WHERE non_follower_views IS NOT NULL), sum(non_follower_views) FILTER (WHERE follower_views IS NOT NULL) "
            + "FROM post_metrics m WHERE m.post_id = p.post_id) s "
            + "ON CONFLICT (post_id) DO UPDATE SET days = EXCLUDED.days, "
            + "first_day = EXCLUDED.first_day, last_day = EXCLUDED.last_day, views = EXCLUDED.views, "
            + "unique_viewers_peak = EXCLUDED.unique_viewers_peak, watch_seconds = EXCLUDED.watch_seconds, "
            + "completion_percent = EXCLUDED.completion_percent, shares = EXCLUDED.shares, reactions = EXCLUDED.reactions, "
            + "comments = EXCLUDED.comments, follower_views = EXCLUDED.follower_views, non_follower_views = EXCLUDED.non_follower_views";

    /**
     * A post's figures come day by day or as lifetime totals, never both: the first export day of a
     * lifetime total holds every day before it, so days given besides would be counted twice. Lines
     * of the kind the post does not have are left out, and so are both kinds given together. Days
     * worked out from lifetime totals fall on export days; posts that had both kinds before this
     * rule keep taking both.
     */
    private static final String LEAVE_OUT_MIXED_KINDS = "WITH given AS (SELECT post_id, lifetime, min(line) AS first_line, "
            + "count(*) AS lines FROM metric_import_lines GROUP BY post_id, lifetime), "
            + "kinds AS (SELECT p.post_id, EXISTS (SELECT 1 FROM post_lifetime_totals t WHERE t.post_id = p.post_id) AS has_totals, "
            + "EXISTS (SELECT 1 FROM post_metrics m WHERE m.post_id = p.post_id AND NOT EXISTS "
            + "(SELECT 1 FROM post_lifetime_totals t WHERE t.post_id = m.post_id AND t.as_of = m.day)) AS has_days "
            + "FROM (SELECT DISTINCT post_id FROM given) p), "
            + "mixed AS (SELECT g.* FROM given g JOIN kinds k USING (post_id) "
            + "WHERE EXISTS (SELECT 1 FROM given o WHERE o.post_id = g.post_id AND o.lifetime <> g.lifetime) "
            + "OR (g.lifetime AND k.has_days AND NOT k.has_totals) OR (NOT g.lifetime AND k.has_totals AND NOT k.has_days)), "
            + "gone AS (DELETE FROM metric_import_lines l USING mixed WHERE l.post_id = mixed.post_id AND l.lifetime = mixed.lifetime) "
            + "SELECT lifetime, first_line, lines FROM mixed";

    /** What the import did with its lines. */
    public record Outcome(long kept, long beforePosting, long rejected, List<LineProblem> problems) {
    }

    private record Unknown(long firstLine, long lines) {
    }

    private final Connection connection;
    private final PostDirectory posts;
    private final CopyIn copy;
    private final StringBuilder pending = new StringBuilder(COPY_CHUNK + 1024);
    private final List<LineProblem> problems = new ArrayList<>();
    private final Map<String, Unknown> unknownPosts = new LinkedHashMap<>();
    private final Map<UUID, BitSet> daysGiven = new HashMap<>();
    private boolean repeatsADay;
    private long kept;
    private long beforePosting;
    private long rejected;

    /** @param connection one in the caller's transaction, whose end drops the lines' table */
    public MetricsWriter(Connection connection) throws SQLException {
        this.connection = connection;
        List<PostDirectory.Post> known = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            // One import at a time: each one's totals and lifetime differences must see the days the others wrote.
            // Taken before the posts are read, as a post taken off its release is taken off under the same lock.
            sql.execute(PlatformPost.FIGURES_LOCK);
            try (ResultSet rows = sql.executeQuery("SELECT id, platform, url, post_id, posted_at FROM platform_posts")) {
                while (rows.next()) {
                    known.add(new PostDirectory.Post(rows.getObject(1, UUID.class), SocialPlatform.valueOf(rows.getString(2)),
                            rows.getString(3), rows.getString(4), rows.getObject(5, OffsetDateTime.class).toLocalDate()));
                }
            }
            sql.execute(STAGING);
        }
        this.posts = new PostDirectory(known);
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY metric_import_lines FROM STDIN");
    }

    /** Platforms count days in their own time zones, the earliest of which is a day ahead of UTC. */
    public static LocalDate lastDayBegunAnywhere() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1);
    }

    public void problem(LineProblem problem) {
        rejected++;
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(problem);
        }
    }

    public void write(MetricRow row) {
        if (row.day().isAfter(lastDayBegunAnywhere())) {
            // Most likely a mistyped year. Kept, it would stand as the post's latest total, and every
            // correct export after it would work out days that lost views.
            throw new IllegalArgumentException("the date " + row.day() + " has not come yet: is the year right?");
        }
        var post = posts.find(row.platform(), row.references());
        if (post.isEmpty()) {
            // A channel's export covers videos never released here: one report per video, not per line.
            rejected++;
            unknownPosts.merge(row.platform().name().toLowerCase(Locale.ROOT) + " post \"" + row.references().get(0) + "\"",
                    new Unknown(row.line(), 1), (first, next) -> new Unknown(first.firstLine(), first.lines() + 1));
            return;
        }
        if (!row.lifetime() && row.day().isBefore(post.get().postedOn()) && row.figures().isAllZero()) {
            // YouTube fills every day of the chart's range with zeros, years before the video existed. Figures
            // that are not zero are kept: platforms count days in their own time zone, which may start before ours.
            beforePosting++;
            return;
        }
        kept++;
        BitSet days = daysGiven.computeIfAbsent(post.get().id(), id -> new BitSet());
        int day = (int) (row.day().toEpochDay() - post.get().postedOn().toEpochDay() + DAYS_BEFORE_POSTING);
        if (day < 0 || days.get(day)) {
            repeatsADay = true;
        } else {
            days.set(day);
        }
        DayFigures f = row.figures();
        pending.append(row.line()).append('\t').append(row.lifetime()).append('\t').append(post.get().id()).append('\t').append(row.day());
        for (Object value : new Object[] {f.views(), f.uniqueViewers(), f.watchSeconds(), f.avgViewSeconds(), f.completionPercent(), f.shares(),
                f.reactions(), f.comments(), f.followerViews(), f.nonFollowerViews()}) {
            pending.append('\t').append(value == null ? "\\N" : value.toString());
        }
        pending.append('\n');
        if (pending.length() >= COPY_CHUNK) {
            send();
        }
    }

    /** Puts the lines into the figures, brings the touched posts' totals up to date and says what happened. */
    public Outcome finish() {
        try {
            send();
            copy.endCopy();
            leaveOutMixedKinds();
            insert(DAILY, false);
            insert(LIFETIME, true);
            try (Statement days = connection.createStatement()) {
                days.executeUpdate(LIFETIME_DAYS);
            }
            try (Statement totals = connection.createStatement()) {
                totals.executeUpdate(TOTALS);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the imported figures", e);
        }
        List<LineProblem> reported = new ArrayList<>(problems);
        unknownPosts.forEach((post, unknown) -> {
            if (reported.size() < PROBLEMS_KEPT) {
                reported.add(new LineProblem(unknown.firstLine(), "no release here has a " + post
                        + norTheOthers(unknown.lines())
                        + ": record the post on its release, then import again"));
            }
        });
        reported.sort(Comparator.comparingLong(LineProblem::line));
        return new Outcome(kept, beforePosting, rejected, reported);
    }

    private void leaveOutMixedKinds() throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet mixed = sql.executeQuery(LEAVE_OUT_MIXED_KINDS)) {
            while (mixed.next()) {
                long lines = mixed.getLong(3);
                kept -= lines;
                rejected += lines;
                if (problems.size() < PROBLEMS_KEPT) {
                    problems.add(new LineProblem(mixed.getLong(2), (mixed.getBoolean(1)
                            ? "this post's figures come day by day; a lifetime total besides would count them twice"
                            : "this post's figures come as lifetime totals; days besides would count them twice")
                            + norTheOthers(lines)));
                }
            }
        }
    }

    /**
     * What an export's total of one figure added to the last export before it that gave the figure.
     * An export with the cell blank says nothing: taken as zero, the next export's whole total would
     * count again as one day's. Looked up only past a blank or at a post's first export.
     */
    private static String addedSinceBefore(String figure) {
        return figure + " - COALESCE(lag(" + figure + ") OVER earlier, (SELECT e." + figure + " FROM post_lifetime_totals e "
                + "WHERE e.post_id = t.post_id AND e.as_of < t.as_of AND e." + figure + " IS NOT NULL ORDER BY e.as_of DESC LIMIT 1), 0)";
    }

    /** One problem stands for all the lines about a post: the count of the others, for the reason given once. */
    private static String norTheOthers(long lines) {
        return lines > 1 ? " (nor " + (lines - 1) + " more lines about it)" : "";
    }

    /** Ends the COPY of an import that failed, so the connection goes back to its pool usable. */
    public void abandon() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stop the import's COPY", e);
        }
    }

    private void insert(String statement, boolean lifetime) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(String.format(statement, repeatsADay ? LATEST_LINES : EVERY_LINE))) {
            insert.setBoolean(1, lifetime);
            insert.executeUpdate();
        }
    }

    private void send() {
        if (pending.isEmpty()) {
            return;
        }
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the imported figures", e);
        }
        pending.setLength(0);
    }
}
