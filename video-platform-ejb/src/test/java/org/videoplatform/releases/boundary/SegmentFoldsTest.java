package org.videoplatform.releases.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videoplatform.releases.boundary.SegmentFolds.LinkDay;
import org.videoplatform.releases.boundary.SegmentFolds.Visitor;
import org.videoplatform.releases.control.ClickLog.Click;

class SegmentFoldsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    private static final List<Click> CLICKS = List.of(
            new Click("zz", MONDAY, "b2"), new Click("aa", MONDAY.plusDays(1), "c3"), new Click("zz", MONDAY, "a1"),
            new Click("aa", MONDAY, "c3"), new Click("zz", MONDAY, "b2"));

    @Test
    void twoSegmentsHoldingTheSameLinksUpsertThemInTheSameOrder() {
        List<Click> reversed = new ArrayList<>(CLICKS);
        Collections.reverse(reversed);

        assertEquals(List.copyOf(SegmentFolds.clicksPerLinkDay(CLICKS).keySet()), List.copyOf(SegmentFolds.clicksPerLinkDay(reversed).keySet()));
        assertEquals(SegmentFolds.distinctVisitors(CLICKS), SegmentFolds.distinctVisitors(reversed));
        assertEquals(List.of(new LinkDay("aa", MONDAY), new LinkDay("aa", MONDAY.plusDays(1)), new LinkDay("zz", MONDAY)),
                List.copyOf(SegmentFolds.clicksPerLinkDay(CLICKS).keySet()));
    }

    @Test
    void clicksAreCountedPerLinkAndDayAndVisitorsOnceADay() {
        assertEquals(3L, SegmentFolds.clicksPerLinkDay(CLICKS).get(new LinkDay("zz", MONDAY)));
        assertEquals(List.of(new Visitor("aa", MONDAY, "c3"), new Visitor("aa", MONDAY.plusDays(1), "c3"),
                new Visitor("zz", MONDAY, "a1"), new Visitor("zz", MONDAY, "b2")), SegmentFolds.distinctVisitors(CLICKS));
    }
}
