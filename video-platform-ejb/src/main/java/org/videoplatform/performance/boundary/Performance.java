package org.videoplatform.performance.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.pitches.boundary.Pitches;
import org.videoplatform.pitches.entity.SocialPlatform;

/**
 * How released videos did. A video's page reads its own days; views across videos read each
 * post's totals, kept up to date by imports, so they stay quick with years of days behind them.
 */
@Stateless
@RolesAllowed({"producer", "video-lead", "admin"})
public class Performance {

    @Resource(lookup = "java:jboss/datasources/VideoPlatformDS")
    DataSource dataSource;

    @Inject
    Pitches pitches;

    /**
     * Viewers who were not already followers, as a share of the views whose platform splits them.
     * Null, never zero, when no platform gave a split: the share is unknown, not nothing.
     *
     * @param coverage the part of all views that the share is measured on
     */
    @JsonbNillable // an unknown share is said to be unknown, not left out
    public record Audience(Long views, Long followerViews, Long nonFollowerViews, Double newShare, Double coverage) {

        static Audience of(Long views, Long followerViews, Long nonFollowerViews) {
            if (followerViews == null || nonFollowerViews == null || followerViews + nonFollowerViews == 0) {
                return new Audience(views, followerViews, nonFollowerViews, null, null);
            }
            long split = followerViews + nonFollowerViews;
            return new Audience(views, followerViews, nonFollowerViews, (double) nonFollowerViews / split,
                    views == null || views == 0 ? null : Math.min(1.0, (double) split / views));
        }
    }

    /** One post's figures over all its days; null figures are ones no import has given. */
    public record PostTotals(UUID postId, SocialPlatform platform, String url, String reference, int days, LocalDate firstDay,
                             LocalDate lastDay, Long views, Long reachPeak, Double watchSeconds, Double completionPercent, Long shares,
                             Long reactions, Long comments, Audience audience) {
    }

    /** A platform's figures for one day, summed over the video's posts there. */
    public record Day(LocalDate day, SocialPlatform platform, Long views, Long uniqueViewers, Double watchSeconds, Double avgViewSeconds,
                      Double completionPercent, Long shares, Long reactions, Long comments, Long followerViews, Long nonFollowerViews) {
    }

    public record VideoPerformance(UUID productionId, String title, List<PostTotals> posts, List<Day> days, Audience audience) {
    }

    /** A released video's figures over all its posts, with what it is compared by. */
    public record VideoTotals(UUID productionId, String title, String producerId, String producer, String format, String goal,
                              List<SocialPlatform> platforms, Long views, Double watchSeconds, Long shares, Long reactions, Long comments,
                              Audience audience) {
    }

    /** Videos compared by one of their traits. */
    public enum Trait { FORMAT, PLATFORM, GOAL, PRODUCER }

    public record Group(String name, int videos, Long views, Double viewsPerVideo, Double watchSeconds, Long shares, Audience audience) {
    }

    public Optional<VideoPerformance> ofProduction(UUID productionId, Actor caller) {
        return pitches.production(productionId, caller).map(production -> {
            try (Connection connection = dataSource.getConnection()) {
                List<PostTotals> posts = postTotals(connection, productionId);
                List<Day> days = days(connection, productionId);
                return new VideoPerformance(productionId, production.title(), posts, days,
                        Audience.of(sum(posts, PostTotals::views), sum(posts, p -> p.audience().followerViews()),
                                sum(posts, p -> p.audience().nonFollowerViews())));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the video's figures", e);
            }
        });
    }

    /** Every released video, most viewed first. */
    @RolesAllowed({"video-lead", "admin"})
    public List<VideoTotals> leaderboard() {
        return videos(perPost(null));
    }

    /** A producer's released videos; producers see their own. */
    public Optional<List<VideoTotals>> portfolio(String producerId, Actor caller) {
        if (!pitches.isLead() && !caller.id().equals(producerId)) {
            return Optional.empty();
        }
        return Optional.of(videos(perPost(producerId)));
    }

    @RolesAllowed({"video-lead", "admin"})
    public List<Group> compare(Trait trait) {
        Map<String, List<PostRow>> groups = new LinkedHashMap<>();
        for (PostRow row : perPost(null)) {
            // Producers by their account, not their name: two people may share one, and names change.
            String key = switch (trait) {
                case FORMAT -> row.format() == null ? "no pitch (finished video)" : row.format();
                case PLATFORM -> row.platform().name();
                case GOAL -> row.goal() == null || row.goal().isBlank() ? "no goal given" : row.goal().strip();
                case PRODUCER -> row.producerId();
            };
            groups.computeIfAbsent(key, n -> new ArrayList<>()).add(row);
        }
        List<Group> compared = new ArrayList<>();
        groups.forEach((key, rows) -> {
            String name = trait == Trait.PRODUCER ? rows.get(0).producer() : key;
            int videos = (int) rows.stream().map(PostRow::productionId).distinct().count();
            // Views per video over the videos that have figures: one not yet imported is unknown, not zero.
            long measured = rows.stream().filter(r -> r.views() != null).map(PostRow::productionId).distinct().count();
            Long views = sum(rows, PostRow::views);
            compared.add(new Group(name, videos, views, measured == 0 ? null : (double) views / measured,
                    sumDouble(rows, PostRow::watchSeconds), sum(rows, PostRow::shares),
                    Audience.of(views, sum(rows, PostRow::followerViews), sum(rows, PostRow::nonFollowerViews))));
        });
        compared.sort(Comparator.comparing(Group::views, Comparator.nullsLast(Comparator.reverseOrder())));
        return compared;
    }

    private record PostRow(UUID productionId, String title, String producerId, String producer, String format, String goal,
                           SocialPlatform platform, Long views, Double watchSeconds, Long shares, Long reactions, Long comments,
                           Long followerViews, Long nonFollowerViews) {
    }

    private List<PostRow> perPost(String producerId) {
        String sql = "SELECT pr.id, pr.title, pr.owner_id, pr.owner_name, pi.format, pi.goal, pp.platform, t.views, t.watch_seconds, "
                + "t.shares, t.reactions, t.comments, t.follower_views, t.non_follower_views FROM releases r "
                + "JOIN productions pr ON pr.id = r.production_id LEFT JOIN pitches pi ON pi.id = pr.pitch_id "
                + "JOIN platform_posts pp ON pp.release_id = r.id LEFT JOIN post_metric_totals t ON t.post_id = pp.id"
                + (producerId == null ? "" : " WHERE pr.owner_id = ?");
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (producerId != null) {
                select.setString(1, producerId);
            }
            List<PostRow> rows = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new PostRow(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), SocialPlatform.valueOf(r.getString(7)), longOrNull(r, 8), doubleOrNull(r, 9), longOrNull(r, 10),
                            longOrNull(r, 11), longOrNull(r, 12), longOrNull(r, 13), longOrNull(r, 14)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the videos' figures", e);
        }
    }

    private static List<VideoTotals> videos(List<PostRow> rows) {
        Map<UUID, List<PostRow>> byVideo = new LinkedHashMap<>();
        rows.forEach(row -> byVideo.computeIfAbsent(row.productionId(), id -> new ArrayList<>()).add(row));
        List<VideoTotals> videos = new ArrayList<>();
        byVideo.forEach((id, posts) -> {
            PostRow first = posts.get(0);
            Long views = sum(posts, PostRow::views);
            videos.add(new VideoTotals(id, first.title(), first.producerId(), first.producer(), first.format(), first.goal(),
                    List.copyOf(new TreeSet<>(posts.stream().map(PostRow::platform).toList())), views, sumDouble(posts, PostRow::watchSeconds),
                    sum(posts, PostRow::shares), sum(posts, PostRow::reactions), sum(posts, PostRow::comments),
                    Audience.of(views, sum(posts, PostRow::followerViews), sum(posts, PostRow::nonFollowerViews))));
        });
        videos.sort(Comparator.comparing(VideoTotals::views, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(VideoTotals::title));
        return videos;
    }

    private static List<PostTotals> postTotals(Connection connection, UUID productionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT pp.id, pp.platform, pp.url, pp.post_id, t.days, t.first_day, "
                + "t.last_day, t.views, t.unique_viewers_peak, t.watch_seconds, t.completion_percent, t.shares, t.reactions, t.comments, "
                + "t.follower_views, t.non_follower_views FROM platform_posts pp JOIN releases r ON r.id = pp.release_id "
                + "LEFT JOIN post_metric_totals t ON t.post_id = pp.id WHERE r.production_id = ? ORDER BY pp.posted_at")) {
            select.setObject(1, productionId);
            List<PostTotals> posts = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Long views = longOrNull(r, 8);
                    posts.add(new PostTotals(r.getObject(1, UUID.class), SocialPlatform.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                            r.getInt(5), r.getObject(6, LocalDate.class), r.getObject(7, LocalDate.class), views, longOrNull(r, 9),
                            doubleOrNull(r, 10), doubleOrNull(r, 11), longOrNull(r, 12), longOrNull(r, 13), longOrNull(r, 14),
                            Audience.of(views, longOrNull(r, 15), longOrNull(r, 16))));
                }
            }
            return posts;
        }
    }

    private static List<Day> days(Connection connection, UUID productionId) throws SQLException {
        // Averages over a platform's posts weigh each by its views: a Short's few views must not count as much as the main cut's many.
        try (PreparedStatement select = connection.prepareStatement("SELECT m.day, pp.platform, sum(m.views), sum(m.unique_viewers), "
                + "sum(m.watch_seconds), COALESCE(sum(m.avg_view_seconds * m.views) "
                + "/ NULLIF(sum(m.views) FILTER (WHERE m.avg_view_seconds IS NOT NULL), 0), avg(m.avg_view_seconds)), "
                + "COALESCE(sum(m.completion_percent * m.views) "
                + "/ NULLIF(sum(m.views) FILTER (WHERE m.completion_percent IS NOT NULL), 0), avg(m.completion_percent)), sum(m.shares), "
                + "sum(m.reactions), sum(m.comments), sum(m.follower_views), sum(m.non_follower_views) FROM post_metrics m "
                + "JOIN platform_posts pp ON pp.id = m.post_id JOIN releases r ON r.id = pp.release_id WHERE r.production_id = ? "
                + "GROUP BY m.day, pp.platform ORDER BY m.day, pp.platform")) {
            select.setObject(1, productionId);
            List<Day> days = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    days.add(new Day(r.getObject(1, LocalDate.class), SocialPlatform.valueOf(r.getString(2)), longOrNull(r, 3), longOrNull(r, 4),
                            doubleOrNull(r, 5), doubleOrNull(r, 6), doubleOrNull(r, 7), longOrNull(r, 8), longOrNull(r, 9), longOrNull(r, 10),
                            longOrNull(r, 11), longOrNull(r, 12)));
                }
            }
            return days;
        }
    }

    private static Long longOrNull(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Double doubleOrNull(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    /** The sum of the known figures, or null when none is known. */
    private static <T> Long sum(List<T> rows, Function<T, Long> figure) {
        return rows.stream().map(figure).filter(v -> v != null).reduce(Long::sum).orElse(null);
    }

    private static <T> Double sumDouble(List<T> rows, Function<T, Double> figure) {
        return rows.stream().map(figure).filter(v -> v != null).reduce(Double::sum).orElse(null);
    }
}
