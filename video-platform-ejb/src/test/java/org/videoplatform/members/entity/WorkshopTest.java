package org.videoplatform.members.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkshopTest {

    @Test
    void aTrainerNameWithALineBreakInItStaysOneTrainer() {
        OffsetDateTime start = OffsetDateTime.parse("2026-12-05T10:00:00Z");
        Workshop workshop = new Workshop("Phone filming", start, start.plusHours(3), "Hall", "Leeds", 20,
                List.of(" Ana\nBelén Ruiz ", "  ", "Bob"), "lead");

        assertEquals(List.of("Ana Belén Ruiz", "Bob"), workshop.trainers());
    }
}
