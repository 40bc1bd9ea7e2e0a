package org.videoplatform.platform.entity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates people type, checked for a mistyped year. JSON takes years up to a billion, PostgreSQL
 * keeps them to 294276, and a year in between failed the whole request with an incident.
 */
public final class PlausibleDates {

    private static final int YEARS_EITHER_WAY = 10;

    private PlausibleDates() {
    }

    public static boolean withinTenYearsOfToday(LocalDate day) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return !day.isBefore(today.minusYears(YEARS_EITHER_WAY)) && !day.isAfter(today.plusYears(YEARS_EITHER_WAY));
    }

    /** Its day where it was written: converted to UTC, the last moment Java can hold overflows. */
    public static boolean withinTenYearsOfToday(OffsetDateTime moment) {
        return withinTenYearsOfToday(moment.toLocalDate());
    }
}
