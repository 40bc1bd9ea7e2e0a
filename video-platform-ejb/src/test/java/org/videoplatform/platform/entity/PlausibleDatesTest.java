package org.videoplatform.platform.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlausibleDatesTest {

    @Test
    void aYearMistypedByADigitIsRefusedAndTheLastMomentJavaHoldsDoesNotOverflow() {
        assertTrue(PlausibleDates.withinTenYearsOfToday(OffsetDateTime.now(ZoneOffset.ofHours(-10))));
        assertTrue(PlausibleDates.withinTenYearsOfToday(LocalDate.now().minusYears(9)));
        assertFalse(PlausibleDates.withinTenYearsOfToday(LocalDate.now().plusYears(11)));
        assertFalse(PlausibleDates.withinTenYearsOfToday(OffsetDateTime.of(300_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertFalse(PlausibleDates.withinTenYearsOfToday(OffsetDateTime.MAX), "the latest time JSON can carry, ten hours behind UTC");
    }
}
