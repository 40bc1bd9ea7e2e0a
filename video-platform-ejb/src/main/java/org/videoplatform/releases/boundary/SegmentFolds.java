package org.videoplatform.releases.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.videoplatform.media.control.WorkerNode;
import org.videoplatform.releases.control.ClickLog.Click;

/**
 * Adds one segment's clicks to the daily counts in one transaction. The segment's name is
 * recorded in the same transaction, so a fold repeated after a crash between the commit and the
 * file's deletion adds nothing twice. Rows go in as arrays: one statement per table, however many
 * clicks the segment holds.
 */
@Stateless
@PermitAll
public class SegmentFolds {

    @Resource(lookup = "java:jboss/datasources/VideoPlatformDS")
    DataSource dataSource;

    @Inject
    WorkerNode node;

    record LinkDay(String code, LocalDate day) {
        static final Comparator<LinkDay> ORDER = Comparator.comparing(LinkDay::code).thenComparing(LinkDay::day);
    }

    record Visitor(String code, LocalDate day, String hash) {
        static final Comparator<Visitor> ORDER = Comparator.comparing(Visitor::code).thenComparing(Visitor::day).thenComparing(Visitor::hash);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fold(String segment, List<Click> clicks) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement claim = connection.prepareStatement("INSERT INTO folded_click_segments (name, node, clicks, folded_at) "
                    + "VALUES (?, ?, ?, now()) ON CONFLICT (name) DO NOTHING")) {
                claim.setString(1, segment);
                claim.setString(2, node.name());
                claim.setLong(3, clicks.size());
                if (claim.executeUpdate() == 0) {
                    return;
                }
            }
            Map<LinkDay, Long> perDay = clicksPerLinkDay(clicks);
            try (PreparedStatement days = connection.prepareStatement("INSERT INTO share_link_days (code, day, clicks) "
                    + "SELECT * FROM unnest(?::text[], ?::date[], ?::bigint[]) ON CONFLICT (code, day) "
                    + "DO UPDATE SET clicks = share_link_days.clicks + EXCLUDED.clicks")) {
                days.setArray(1, connection.createArrayOf("text", perDay.keySet().stream().map(LinkDay::code).toArray()));
                days.setArray(2, connection.createArrayOf("date", perDay.keySet().stream().map(k -> Date.valueOf(k.day())).toArray()));
                days.setArray(3, connection.createArrayOf("bigint", perDay.values().toArray()));
                days.executeUpdate();
            }
            List<Visitor> distinct = distinctVisitors(clicks);
            try (PreparedStatement visitors = connection.prepareStatement("INSERT INTO share_link_visitors (code, day, visitor) "
                    + "SELECT c, d, decode(v, 'hex') FROM unnest(?::text[], ?::date[], ?::text[]) AS u (c, d, v) ON CONFLICT DO NOTHING")) {
                visitors.setArray(1, connection.createArrayOf("text", distinct.stream().map(Visitor::code).toArray()));
                visitors.setArray(2, connection.createArrayOf("date", distinct.stream().map(v -> Date.valueOf(v.day())).toArray()));
                visitors.setArray(3, connection.createArrayOf("text", distinct.stream().map(Visitor::hash).toArray()));
                visitors.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not fold the click log segment " + segment, e);
        }
    }

    /**
     * Sorted, as are the visitors, so that rows are upserted in one order on every node: two nodes
     * folding segments that share links lock those rows one after the other, and in different
     * orders each would hold a row the other waits for, until PostgreSQL failed one fold to break
     * the deadlock.
     */
    static SortedMap<LinkDay, Long> clicksPerLinkDay(List<Click> clicks) {
        return clicks.stream().collect(Collectors.groupingBy(c -> new LinkDay(c.code(), c.day()),
                () -> new TreeMap<>(LinkDay.ORDER), Collectors.counting()));
    }

    /** A visitor counts once a day however often they click: only the distinct ones go to the database. */
    static List<Visitor> distinctVisitors(List<Click> clicks) {
        return clicks.stream().map(c -> new Visitor(c.code(), c.day(), c.visitor())).distinct().sorted(Visitor.ORDER).toList();
    }
}
