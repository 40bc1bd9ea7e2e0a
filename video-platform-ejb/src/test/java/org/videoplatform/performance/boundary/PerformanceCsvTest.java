package org.videoplatform.performance.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videoplatform.performance.boundary.Performance.Audience;
import org.videoplatform.performance.boundary.Performance.VideoTotals;
import org.videoplatform.pitches.entity.SocialPlatform;

class PerformanceCsvTest {

    @Test
    void theNewAudienceIsUnknownWithoutASplitAndMeasuredOnlyOnTheViewsSplit() {
        assertNull(Audience.of(5000L, null, null).newShare(), "no platform split its viewers: unknown, not zero");
        assertNull(Audience.of(5000L, 0L, 0L).newShare());
        Audience split = Audience.of(4000L, 100L, 900L);
        assertEquals(0.9, split.newShare(), 1e-12);
        assertEquals(0.25, split.coverage(), 1e-12, "1,000 of the 4,000 views were split");
    }

    @Test
    void aTitleASpreadsheetWouldRunIsWrittenAsText() {
        UUID id = UUID.randomUUID();
        StringWriter out = new StringWriter();
        PerformanceCsv.videos(List.of(new VideoTotals(id, "=HYPERLINK(\"http://evil\")", "p1", "Pat, Producer", "EXPLAINER", "+Turnout",
                List.of(SocialPlatform.YOUTUBE, SocialPlatform.TIKTOK), 10L, 60.0, 1L, 2L, 3L, Audience.of(10L, null, null))), out);

        List<String> lines = out.toString().lines().toList();
        assertEquals("production_id,title,producer,format,goal,platforms,views,watch_time_seconds,shares,reactions,comments,new_audience_share",
                lines.get(0));
        assertEquals(id + ",\"'=HYPERLINK(\"\"http://evil\"\")\",\"Pat, Producer\",EXPLAINER,'+Turnout,youtube tiktok,10,60.0,1,2,3,",
                lines.get(1));
    }

    /** Where the decimal comma is written, a spreadsheet splits the line on semicolons: the text after one is a cell too. */
    @Test
    void aFormulaAfterASemicolonIsWrittenAsText() {
        assertEquals("Bus fares;'=cmd|' /C calc'!A0;", PerformanceCsv.text("Bus fares;=cmd|' /C calc'!A0;"));
        assertEquals("Fares,'+1;'@SUM(A1)", PerformanceCsv.text("Fares,+1;@SUM(A1)"));
        assertEquals("Bus fares - the truth; a 10% rise", PerformanceCsv.text("Bus fares - the truth; a 10% rise"));
    }
}
