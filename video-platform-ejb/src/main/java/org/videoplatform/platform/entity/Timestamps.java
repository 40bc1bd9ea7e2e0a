package org.videoplatform.platform.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The moment records are stamped with. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Now, in UTC, to the microsecond PostgreSQL keeps: an entity in memory matches the row it becomes. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
