package org.videoplatform.performance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videoplatform.pitches.entity.SocialPlatform;

class MetricsCsvTest {

    private static final LocalDate EXPORTED = LocalDate.of(2026, 11, 20);

    private final List<MetricRow> rows = new ArrayList<>();
    private final List<LineProblem> problems = new ArrayList<>();

    private MetricsCsv.Reading read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private MetricsCsv.Reading read(byte[] file) {
        return MetricsCsv.read(new ByteArrayInputStream(file), EXPORTED, rows::add, problems::add);
    }

    @Test
    void youTubeChartDataGivesOneMetricPerVideoAndDay() {
        MetricsCsv.Reading reading = read("""
                Date,Content,Video title,Video publish time,Duration,Views
                2026-11-01, -HHGH-TTqYM,"Bus fares, explained",,61,0
                2026-11-02, -HHGH-TTqYM,"Bus fares, explained","Nov 2, 2026",61,1380
                2026-11-02,dQw4w9WgXcQ,"I read ""The Plan"" twice","Nov 2, 2026",95,7
                """);

        assertEquals(MetricsCsv.Layout.YOUTUBE_STUDIO, reading.layout());
        assertEquals(3, rows.size());
        MetricRow second = rows.get(1);
        assertEquals(3, second.line());
        assertEquals(SocialPlatform.YOUTUBE, second.platform());
        assertEquals(List.of("-HHGH-TTqYM"), second.references(), "Studio writes some ids that start with a dash with a space before them");
        assertEquals(LocalDate.of(2026, 11, 2), second.day());
        assertEquals(1380L, second.figures().views());
        assertNull(second.figures().watchSeconds(), "a views export says nothing about watch time");
        assertTrue(problems.isEmpty());
    }

    @Test
    void youTubeDurationsAndHoursBecomeSeconds() {
        read("""
                Date,Content,Video title,Video publish time,Duration,Watch time (hours)
                2026-11-02,dQw4w9WgXcQ,Fares,"Nov 2, 2026",95,1.5
                """);
        read("""
                Date,Content,Video title,Video publish time,Duration,Average view duration
                2026-11-02,dQw4w9WgXcQ,Fares,"Nov 2, 2026",95,1:02:03
                """);

        assertEquals(5400.0, rows.get(0).figures().watchSeconds());
        assertEquals(3723.0, rows.get(1).figures().avgViewSeconds());
    }

    @Test
    void youTubeTableDataIsRefusedWithWhatToImportInstead() {
        MetricsFileRejected refused = assertThrows(MetricsFileRejected.class, () -> read("""
                Content,Video title,Video publish time,Duration,Views,Watch time (hours)
                Total,,,,1179894,80048.665
                """));
        assertTrue(refused.getMessage().contains("Chart data.csv"), refused.getMessage());
    }

    @Test
    void metaFacebookExportWithByteOrderMarkAndCaptionsOverSeveralLines() {
        MetricsCsv.Reading reading = read("""
                \uFEFF"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time","Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,"Custom labels","Funded content status","Data comment",Date,Views,Reach,"Reactions, Comments and Shares",Reactions,Comments,Shares,"Seconds viewed","Average Seconds viewed","Estimated earnings (USD)"
                122158000000000001,1000001,Campaign,"Fares","Line one,
                line two",61,"11/02/2026 18:12",N/A,https://www.facebook.com/reel/122158000000000001,0,0,Reels,,,,,Lifetime,"15,000",9000,310,200,60,50,120000,8,0
                122158000000000002,1000001,Campaign,"Rents",,45,"11/03/2026 09:00",N/A,https://www.facebook.com/reel/122158000000000002,0,0,Reels,,,,,11/05/2026,120,80,3,2,1,0,900,7.5,0
                """);

        assertEquals(MetricsCsv.Layout.META_FACEBOOK, reading.layout());
        assertEquals(List.of("Reactions, Comments and Shares", "Estimated earnings (USD)"), reading.columnsNotKept());
        MetricRow lifetime = rows.get(0);
        assertTrue(lifetime.lifetime());
        assertEquals(EXPORTED, lifetime.day(), "lifetime totals are taken as of the day of the export");
        assertEquals(15000L, lifetime.figures().views());
        assertEquals(9000L, lifetime.figures().uniqueViewers());
        assertEquals(200L, lifetime.figures().reactions());
        assertEquals(120000.0, lifetime.figures().watchSeconds());
        assertEquals(List.of("122158000000000001", "https://www.facebook.com/reel/122158000000000001"), lifetime.references());
        MetricRow daily = rows.get(1);
        assertFalse(daily.lifetime());
        assertEquals(LocalDate.of(2026, 11, 5), daily.day());
        assertEquals(4, daily.line(), "the caption's line break counts: the second post starts on the file's fourth line");
    }

    @Test
    void metaInstagramExportTakesLikesAsReactions() {
        MetricsCsv.Reading reading = read("""
                "Post ID","Account ID","Account username","Account name",Description,"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,Reach,Likes,Shares,Follows,Comments,Saves
                17900000000000001,1784,campaign,Campaign,Fares,61,"11/02/2026 18:12",https://www.instagram.com/reel/C0abcDEF/,IG reel,,Lifetime,5000,3500,400,90,12,30,44
                """);

        assertEquals(MetricsCsv.Layout.META_INSTAGRAM, reading.layout());
        assertEquals(SocialPlatform.INSTAGRAM, rows.get(0).platform());
        assertEquals(400L, rows.get(0).figures().reactions());
        assertNull(rows.get(0).figures().followerViews(), "Meta's exports do not split followers from the rest");
        assertEquals(List.of("Follows", "Saves"), reading.columnsNotKept());
    }

    @Test
    void templateKeepsTheGoodLinesAndReportsTheBadOnesByLine() {
        read(MetricsCsv.TEMPLATE_HEADER + "\n"
                + "youtube,dQw4w9WgXcQ,2026-11-02,1000,800,36000,36,55.5,10,40,5,300,700\n"
                + "youtube,dQw4w9WgXcQ,2026-11-31,1000,,,,,,,,,\n"
                + "myspace,abc,2026-11-02,1,,,,,,,,,\n"
                + "youtube,dQw4w9WgXcQ,2026-11-03,lots,,,,,,,,,\n"
                + "youtube,,2026-11-03,5,,,,,,,,,\n"
                + "youtube,dQw4w9WgXcQ,2026-11-04,-5,,,,,,,,,\n"
                + "youtube,dQw4w9WgXcQ,2026-11-05,,,,,,,,,,\n"
                + "\n"
                + "tiktok,7300000000000000001,2026-11-03,250,,,,,,,,,\n");

        assertEquals(2, rows.size());
        DayFigures first = rows.get(0).figures();
        assertEquals(300L, first.followerViews());
        assertEquals(700L, first.nonFollowerViews());
        assertEquals(55.5, first.completionPercent());
        assertEquals(10, rows.get(1).line());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), problems.stream().map(LineProblem::line).toList());
        assertTrue(problems.get(0).reason().contains("2026-11-31"), problems.get(0).reason());
        assertTrue(problems.get(1).reason().contains("myspace"), problems.get(1).reason());
        assertTrue(problems.get(2).reason().contains("\"lots\""), problems.get(2).reason());
        assertEquals("the post is missing", problems.get(3).reason());
        assertEquals("the line has no figures", problems.get(5).reason());
    }

    @Test
    void thousandsSeparatorsGoAndDecimalCommasBecomePoints() {
        read(MetricsCsv.TEMPLATE_HEADER + "\n"
                + "youtube,dQw4w9WgXcQ,2026-11-02,\"1,500\",,,\"0,500\",\"55,5\",,,,,\n"
                + "youtube,dQw4w9WgXcQ,2026-11-03,\"1,5\",,,,,,,,,\n");

        DayFigures figures = rows.get(0).figures();
        assertEquals(1500L, figures.views());
        assertEquals(0.5, figures.avgViewSeconds(), "a decimal comma, as European spreadsheets write, which no group of thousands starts with 0");
        assertEquals(55.5, figures.completionPercent());
        assertEquals(List.of(3L), problems.stream().map(LineProblem::line).toList(), "a count of one and a half views");
    }

    @Test
    void aFigureNoPostCouldHaveIsAProblemOfItsLine() {
        read(MetricsCsv.TEMPLATE_HEADER + "\n"
                + "youtube,dQw4w9WgXcQ,2026-11-02,9223372036854775807,,,,,,,,,\n"
                + "youtube,dQw4w9WgXcQ,2026-11-03,1000,,1e300,,,,,,,\n"
                + "youtube,dQw4w9WgXcQ,2026-11-04,1000,,,,,,,,,\n"
                + "youtube,dQw4w9WgXcQ,2026-11-05,1000,,,,1e306,,,,,\n");

        assertEquals(List.of(4L), rows.stream().map(MetricRow::line).toList());
        assertEquals(List.of(2L, 3L, 5L), problems.stream().map(LineProblem::line).toList());
        assertTrue(problems.get(0).reason().contains("more than any post has had"), problems.get(0).reason());
    }

    @Test
    void onlyMetaExportsWriteDatesMonthFirstAndNoneHasAnImpossibleDay() {
        read(MetricsCsv.TEMPLATE_HEADER + "\n"
                + "youtube,dQw4w9WgXcQ,05/11/2026,100,,,,,,,,,\n");
        assertTrue(rows.isEmpty(), "a template's 05/11 may be the 5th of November as well as the 11th of May: " + rows);
        assertTrue(problems.get(0).reason().contains("not a date like 2026-11-27"), problems.get(0).reason());

        read("""
                "Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time","Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,"Custom labels","Funded content status","Data comment",Date,Views,Reach,Reactions,Comments,Shares
                122158000000000002,1000001,Campaign,"Rents",,45,"11/03/2026 09:00",N/A,https://www.facebook.com/reel/122158000000000002,0,0,Reels,,,,,02/30/2026,120,80,2,1,0
                """);
        assertTrue(rows.isEmpty(), "the 30th of February is not moved to the 28th: " + rows);
        assertTrue(problems.get(1).reason().contains("\"02/30/2026\""), problems.get(1).reason());
    }

    @Test
    void aFileInAnotherLayoutOrEncodingIsRefusedAsAWhole() {
        assertThrows(MetricsFileRejected.class, () -> read("name,colour\nAmira,green\n"));
        assertThrows(MetricsFileRejected.class, () -> read(""));
        byte[] latin1 = (MetricsCsv.TEMPLATE_HEADER + "\nyoutube,caf\u00e9,2026-11-02,1,,,,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        MetricsFileRejected notUtf8 = assertThrows(MetricsFileRejected.class, () -> read(latin1));
        assertTrue(notUtf8.getMessage().contains("UTF-8"));
        MetricsFileRejected unclosed = assertThrows(MetricsFileRejected.class,
                () -> read(MetricsCsv.TEMPLATE_HEADER + "\nyoutube,\"dQw4w9WgXcQ,2026-11-02,1,,,,,,,,,\n"));
        assertTrue(unclosed.getMessage().startsWith("The file is not valid CSV"), unclosed.getMessage());
    }

    @Test
    void laterFiguresOverlayEarlierOnesMetricByMetric() {
        DayFigures views = DayFigures.NONE.with(Metric.VIEWS, 10L);
        DayFigures watch = DayFigures.NONE.with(Metric.WATCH_SECONDS, 60.0).with(Metric.VIEWS, 12L);

        DayFigures both = views.overlaidWith(watch);

        assertEquals(12L, both.views());
        assertEquals(60.0, both.watchSeconds());
        assertEquals(10L, watch.overlaidWith(views).views());
        assertTrue(DayFigures.NONE.with(Metric.VIEWS, 0L).with(Metric.WATCH_SECONDS, 0.0).isAllZero(), "YouTube's padding");
        assertFalse(views.isAllZero());
    }
}
