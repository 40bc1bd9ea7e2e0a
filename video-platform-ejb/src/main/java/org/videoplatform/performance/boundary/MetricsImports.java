package org.videoplatform.performance.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.performance.control.DayFigures;
import org.videoplatform.performance.control.LineProblem;
import org.videoplatform.performance.control.MetricRow;
import org.videoplatform.performance.control.MetricsCsv;
import org.videoplatform.performance.control.MetricsWriter;
import org.videoplatform.pitches.entity.SocialPlatform;

/**
 * Brings in how released posts performed, from the platforms' exports or from connectors. Bad
 * lines are reported and the rest kept; an import repeated changes nothing.
 */
@Stateless
@RolesAllowed({"video-lead", "admin"})
public class MetricsImports {

    @Resource(lookup = "java:jboss/datasources/VideoPlatformDS")
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    /**
     * What an import did. Lines about days before the post went out are left out quietly: YouTube
     * fills its chart's whole range with zeros. Only the first problems are listed; {@code rejected} counts them all.
     */
    public record Report(UUID importId, String layout, long kept, long beforePosting, long rejected, List<LineProblem> problems,
                         List<String> columnsNotKept) {
    }

    /** A connector's figures for one post and day; null figures are the ones it does not know. */
    public record ConnectorRow(String platform, String post, String date, Long views, Long uniqueViewers, Double watchTimeSeconds,
                               Double averageViewDurationSeconds, Double completionRatePercent, Long shares, Long reactions, Long comments,
                               Long followerViews, Long nonFollowerViews) {
    }

    /** @param asOf the day the file was exported, which Meta's lifetime totals are taken to be as of */
    public Report importFile(InputStream file, LocalDate asOf, Actor lead) {
        return write(lead, (writer) -> {
            MetricsCsv.Reading reading = MetricsCsv.read(file, asOf, writer::write, writer::problem);
            return new Described(reading.layout().name(), reading.columnsNotKept());
        });
    }

    /** Rows are numbered from 1 in the report, as lines are for files. */
    public Report importRows(List<ConnectorRow> rows, Actor lead) {
        return write(lead, (writer) -> {
            for (int i = 0; i < rows.size(); i++) {
                try {
                    writer.write(rowOf(i + 1, rows.get(i)));
                } catch (IllegalArgumentException e) {
                    writer.problem(new LineProblem(i + 1, e.getMessage()));
                }
            }
            return new Described("CONNECTOR", List.of());
        });
    }

    private record Described(String layout, List<String> columnsNotKept) {
    }

    /** Where an import's lines come from: a file in one of the layouts, or a connector's rows. */
    private interface LineSource {
        Described readInto(MetricsWriter writer);
    }

    private Report write(Actor lead, LineSource lines) {
        try (Connection connection = dataSource.getConnection()) {
            MetricsWriter writer = new MetricsWriter(connection);
            Described described;
            MetricsWriter.Outcome outcome;
            try {
                described = lines.readInto(writer);
                outcome = writer.finish();
            } catch (RuntimeException e) {
                writer.abandon();
                throw e;
            }
            Report report = new Report(UUID.randomUUID(), described.layout(), outcome.kept(), outcome.beforePosting(), outcome.rejected(),
                    outcome.problems(), described.columnsNotKept());
            audit.record(new AuditEntry(lead, "metrics.imported", "metrics-import", report.importId().toString(),
                    String.format(Locale.ROOT, "%s: %d lines kept, %d before posting, %d rejected", report.layout(), report.kept(),
                            report.beforePosting(), report.rejected())));
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the figures", e);
        }
    }

    private static MetricRow rowOf(long line, ConnectorRow row) {
        if (row == null) {
            throw new IllegalArgumentException("the row is empty");
        }
        if (row.platform() == null || row.post() == null || row.post().isBlank() || row.date() == null) {
            throw new IllegalArgumentException("platform, post and date are required");
        }
        SocialPlatform platform = MetricsCsv.platformNamed(row.platform());
        LocalDate day;
        try {
            day = LocalDate.parse(row.date().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the date \"" + row.date() + "\" is not a date like 2026-11-27");
        }
        DayFigures figures = new DayFigures(count(row.views()), count(row.uniqueViewers()), amount(row.watchTimeSeconds()),
                amount(row.averageViewDurationSeconds()), amount(row.completionRatePercent()), count(row.shares()), count(row.reactions()),
                count(row.comments()), count(row.followerViews()), count(row.nonFollowerViews()));
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("the row has no figures");
        }
        return new MetricRow(line, platform, List.of(row.post()), day, false, figures);
    }

    private static Long count(Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + value);
        }
        return value;
    }

    private static Double amount(Double value) {
        if (value != null && !(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("an amount cannot be negative: " + value);
        }
        return value;
    }
}
