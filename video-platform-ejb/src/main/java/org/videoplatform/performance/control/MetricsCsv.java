package org.videoplatform.performance.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.videoplatform.performance.control.Metric.Unit;
import org.videoplatform.pitches.entity.SocialPlatform;

/**
 * Reads metric exports in the layouts the platforms write them, streaming, so a file of a million
 * lines never sits in memory. Columns are found by their header, whatever their order or case.
 * <ul>
 *   <li>YouTube Studio's {@code Chart data.csv}: {@code Date,Content,Video title,…,<one metric>}, a
 *       row per day and video. Studio charts one metric at a time, so each metric is its own export;
 *       imports of the same days fill in each other's columns.</li>
 *   <li>Meta Business Suite's post exports for a Facebook page ({@code Page ID}) or an Instagram
 *       account ({@code Account ID}): UTF-8 with a byte-order mark, captions spanning lines, and a
 *       {@code Date} that is usually {@code Lifetime}: totals to date, taken as of the import's day.</li>
 *   <li>The platform's own template for everything else: {@link #TEMPLATE_HEADER}.</li>
 * </ul>
 */
public final class MetricsCsv {

    public static final String TEMPLATE_HEADER = "platform,post,date,views,unique_viewers,watch_time_seconds,"
            + "average_view_duration_seconds,completion_rate_percent,shares,reactions,comments,follower_views,non_follower_views";

    /** The layouts an import understands, found from the header line. */
    public enum Layout {
        YOUTUBE_STUDIO, META_FACEBOOK, META_INSTAGRAM, TEMPLATE
    }

    /** What the header said: the layout, and the columns that are not kept (revenue, impressions…). */
    public record Reading(Layout layout, List<String> columnsNotKept) {
    }

    private record Column(Metric metric, Unit unit, String... headers) {
    }

    private static final List<Column> YOUTUBE_COLUMNS = List.of(
            new Column(Metric.VIEWS, Unit.COUNT, "views"),
            new Column(Metric.UNIQUE_VIEWERS, Unit.COUNT, "uniqueviewers", "uniquereach"),
            new Column(Metric.WATCH_SECONDS, Unit.HOURS, "watchtimehours"),
            new Column(Metric.AVERAGE_VIEW_SECONDS, Unit.SECONDS, "averageviewduration"),
            new Column(Metric.COMPLETION_PERCENT, Unit.PERCENT, "averagepercentageviewed"),
            new Column(Metric.SHARES, Unit.COUNT, "shares"),
            new Column(Metric.REACTIONS, Unit.COUNT, "likes"),
            new Column(Metric.COMMENTS, Unit.COUNT, "commentsadded"));

    // Meta renamed Reach to Viewers in late 2025; Instagram's reactions are its likes.
    private static final List<Column> META_COLUMNS = List.of(
            new Column(Metric.VIEWS, Unit.COUNT, "views"),
            new Column(Metric.UNIQUE_VIEWERS, Unit.COUNT, "viewers", "reach"),
            new Column(Metric.WATCH_SECONDS, Unit.SECONDS, "secondsviewed"),
            new Column(Metric.AVERAGE_VIEW_SECONDS, Unit.SECONDS, "averagesecondsviewed"),
            new Column(Metric.SHARES, Unit.COUNT, "shares"),
            new Column(Metric.REACTIONS, Unit.COUNT, "reactions", "likes"),
            new Column(Metric.COMMENTS, Unit.COUNT, "comments"));

    private static final List<Column> TEMPLATE_COLUMNS = List.of(
            new Column(Metric.VIEWS, Unit.COUNT, "views"),
            new Column(Metric.UNIQUE_VIEWERS, Unit.COUNT, "uniqueviewers"),
            new Column(Metric.WATCH_SECONDS, Unit.SECONDS, "watchtimeseconds"),
            new Column(Metric.AVERAGE_VIEW_SECONDS, Unit.SECONDS, "averageviewdurationseconds"),
            new Column(Metric.COMPLETION_PERCENT, Unit.PERCENT, "completionratepercent"),
            new Column(Metric.SHARES, Unit.COUNT, "shares"),
            new Column(Metric.REACTIONS, Unit.COUNT, "reactions"),
            new Column(Metric.COMMENTS, Unit.COUNT, "comments"),
            new Column(Metric.FOLLOWER_VIEWS, Unit.COUNT, "followerviews"),
            new Column(Metric.NON_FOLLOWER_VIEWS, Unit.COUNT, "nonfollowerviews"));

    /** Columns that describe the post rather than measure it, so their absence from what is kept needs no mention. */
    private static final Set<String> DESCRIPTIVE = Set.of("videotitle", "videopublishtime", "duration", "pageid", "pagename",
            "accountid", "accountusername", "accountname", "title", "description", "durationsec", "publishtime", "posttype", "permalink",
            "captiontype", "iscrosspost", "isshare", "languages", "customlabels", "fundedcontentstatus", "datacomment");

    private static final DateTimeFormatter META_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private MetricsCsv() {
    }

    /**
     * Reads the file line by line, handing on each usable line and each line that is not.
     *
     * @param asOf the day Meta's lifetime totals were exported
     */
    public static Reading read(InputStream file, LocalDate asOf, Consumer<MetricRow> rows, Consumer<LineProblem> problems) {
        // Blank lines come through as records, and are skipped later, so that line numbers stay those an editor shows.
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(withoutByteOrderMark(file))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new MetricsFileRejected("The file is empty: it needs a header line and a line per post and day.");
            }
            Header header = Header.of(records.next());
            long line = parser.getCurrentLineNumber() + 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                header.read(record, line, asOf, rows, problems);
                line = parser.getCurrentLineNumber() + 1;
            }
            return new Reading(header.layout, header.notKept);
        } catch (CharacterCodingException e) {
            throw new MetricsFileRejected("The file is not UTF-8 text. Export it again as CSV (UTF-8) and import it unchanged.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new MetricsFileRejected("The file is not UTF-8 text. Export it again as CSV (UTF-8) and import it unchanged.");
            }
            if (e.getCause() instanceof CSVException) {
                // A quote that never closes, for instance.
                throw new MetricsFileRejected("The file is not valid CSV: " + e.getCause().getMessage());
            }
            throw e;
        }
    }

    private static Reader withoutByteOrderMark(InputStream file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(file, decoder), 1 << 16));
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** The platform a template line or a connector's row names, in any case, or a reason a lead can act on. */
    public static SocialPlatform platformNamed(String name) {
        try {
            return SocialPlatform.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the platform \"" + name + "\" is not one of youtube, facebook, instagram, tiktok, x");
        }
    }

    static String normalised(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Where each needed column sits in the file's lines. */
    private static final class Header {

        final Layout layout;
        final int date;
        final int platform;
        final List<Integer> references = new ArrayList<>();
        final Map<Metric, Integer> metrics = new LinkedHashMap<>();
        final Map<Metric, Unit> units = new HashMap<>();
        final List<String> notKept = new ArrayList<>();

        private Header(Layout layout, Map<String, Integer> positions, List<String> names) {
            this.layout = layout;
            this.date = positions.get("date");
            this.platform = layout == Layout.TEMPLATE ? positions.get("platform") : -1;
            List<Column> columns = switch (layout) {
                case YOUTUBE_STUDIO -> {
                    references.add(positions.get("content"));
                    yield YOUTUBE_COLUMNS;
                }
                case META_FACEBOOK, META_INSTAGRAM -> {
                    references.add(positions.get("postid"));
                    Optional.ofNullable(positions.get("permalink")).ifPresent(references::add);
                    yield META_COLUMNS;
                }
                case TEMPLATE -> {
                    references.add(positions.get("post"));
                    yield TEMPLATE_COLUMNS;
                }
            };
            for (Column column : columns) {
                for (String name : column.headers()) {
                    if (positions.containsKey(name) && !metrics.containsKey(column.metric())) {
                        metrics.put(column.metric(), positions.get(name));
                        units.put(column.metric(), column.unit());
                    }
                }
            }
            for (int i = 0; i < names.size(); i++) {
                String name = normalised(names.get(i));
                if (i != date && i != platform && !references.contains(i) && !metrics.containsValue(i) && !DESCRIPTIVE.contains(name)) {
                    notKept.add(names.get(i));
                }
            }
            if (metrics.isEmpty()) {
                throw new MetricsFileRejected("The file has none of the figures kept here (views, reach, watch time, shares, reactions, "
                        + "comments…). Found: " + String.join(", ", names) + ".");
            }
        }

        static Header of(CSVRecord record) {
            List<String> names = record.toList().stream().map(String::strip).toList();
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                positions.putIfAbsent(normalised(names.get(i)), i);
            }
            boolean dated = positions.containsKey("date");
            if (dated && positions.containsKey("postid")) {
                if (positions.containsKey("pageid") || positions.containsKey("pagename")) {
                    return new Header(Layout.META_FACEBOOK, positions, names);
                }
                if (positions.containsKey("accountid") || positions.containsKey("accountusername")) {
                    return new Header(Layout.META_INSTAGRAM, positions, names);
                }
                throw new MetricsFileRejected("This looks like a Meta post export, but it has neither a Page ID column (Facebook) nor an "
                        + "Account ID column (Instagram), so the platform is unknown.");
            }
            if (dated && positions.containsKey("content")) {
                return new Header(Layout.YOUTUBE_STUDIO, positions, names);
            }
            if (positions.containsKey("content")) {
                throw new MetricsFileRejected("This is YouTube Studio's Table data.csv, which sums the whole period. Import Chart data.csv "
                        + "from the same export instead: it has a line per video and day.");
            }
            if (dated && positions.containsKey("platform") && positions.containsKey("post")) {
                return new Header(Layout.TEMPLATE, positions, names);
            }
            throw new MetricsFileRejected("The header line matches none of the layouts known here: YouTube Studio's Chart data.csv "
                    + "(Date, Content, …), a Meta Business Suite post export (Post ID, …, Date, Views, …) or the template ("
                    + TEMPLATE_HEADER + "). Found: " + String.join(", ", names) + ".");
        }

        void read(CSVRecord record, long line, LocalDate asOf, Consumer<MetricRow> rows, Consumer<LineProblem> problems) {
            if (record.stream().allMatch(String::isBlank)) {
                return;
            }
            try {
                SocialPlatform on = switch (layout) {
                    case YOUTUBE_STUDIO -> SocialPlatform.YOUTUBE;
                    case META_FACEBOOK -> SocialPlatform.FACEBOOK;
                    case META_INSTAGRAM -> SocialPlatform.INSTAGRAM;
                    case TEMPLATE -> platformNamed(cell(record, platform));
                };
                List<String> names = references.stream().map(i -> cell(record, i)).filter(r -> !r.isEmpty()).toList();
                if (names.isEmpty()) {
                    throw new IllegalArgumentException("the post is missing");
                }
                String day = cell(record, date);
                boolean lifetime = layout != Layout.TEMPLATE && layout != Layout.YOUTUBE_STUDIO && "lifetime".equalsIgnoreCase(day);
                DayFigures figures = DayFigures.NONE;
                for (var metric : metrics.entrySet()) {
                    String value = cell(record, metric.getValue());
                    if (!value.isEmpty()) {
                        try {
                            figures = figures.with(metric.getKey(), Metric.parse(value, units.get(metric.getKey())));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(metric.getKey().label() + " \"" + value + "\" is not a number of "
                                    + (units.get(metric.getKey()) == Unit.COUNT ? "views or people" : units.get(metric.getKey()).name()
                                    .toLowerCase(Locale.ROOT)));
                        }
                    }
                }
                if (figures.isEmpty()) {
                    throw new IllegalArgumentException("the line has no figures");
                }
                rows.accept(new MetricRow(line, on, names, lifetime ? asOf : date(day), lifetime, figures));
            } catch (IllegalArgumentException e) {
                problems.accept(new LineProblem(line, e.getMessage()));
            }
        }

        private LocalDate date(String day) {
            if (day.isEmpty()) {
                throw new IllegalArgumentException("the date is missing");
            }
            try {
                return writesMonthFirst() && day.contains("/") ? LocalDate.parse(day, META_DATE) : LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the date \"" + day + "\" is not a date like 2026-11-27"
                        + (writesMonthFirst() ? ", 11/27/2026 or Lifetime" : ""));
            }
        }

        /** Meta writes dates as Americans do; elsewhere 05/11 may be either day, so only ISO dates are taken. */
        private boolean writesMonthFirst() {
            return layout == Layout.META_FACEBOOK || layout == Layout.META_INSTAGRAM;
        }

        private static String cell(CSVRecord record, int position) {
            return position < record.size() ? record.get(position).strip() : "";
        }
    }
}
