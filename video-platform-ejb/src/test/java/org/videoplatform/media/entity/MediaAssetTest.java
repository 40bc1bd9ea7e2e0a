package org.videoplatform.media.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.platform.entity.InvalidInput;

class MediaAssetTest {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    private static final long LIMIT = 50 * GIB;
    private final Production production = Production.direct("Explainer", "producer-1", "Pat Producer");

    private MediaAsset upload(String name, long size) {
        return new MediaAsset(production, "producer-1", name, "video/mp4", size, LIMIT);
    }

    @Test
    void partsStayAtTheMinimumUntilTenThousandOfThemNoLongerFit() {
        assertEquals(8 * MIB, MediaAsset.partSizeFor(1));
        assertEquals(8 * MIB, MediaAsset.partSizeFor(10_000 * 8 * MIB));
        assertEquals(9 * MIB, MediaAsset.partSizeFor(10_000 * 8 * MIB + 1));
    }

    @Test
    void theLargestAllowedFileFitsInTenThousandParts() {
        MediaAsset largest = upload("archive.mov", LIMIT);
        assertTrue(largest.partCount() <= MediaAsset.MAX_PARTS);
        assertEquals(LIMIT, largest.partSize() * (largest.partCount() - 1) + largest.expectedPartSize(largest.partCount()));
    }

    @Test
    void theLastPartCarriesWhatIsLeft() {
        MediaAsset cut = upload("cut.mp4", 20 * MIB + 5);
        assertEquals(3, cut.partCount());
        assertEquals(8 * MIB, cut.expectedPartSize(2));
        assertEquals(4 * MIB + 5, cut.expectedPartSize(3));
        assertEquals("partNumber", assertThrows(InvalidInput.class, () -> cut.expectedPartSize(4)).field());
    }

    @Test
    void emptyAndOversizedFilesAreRefusedByField() {
        assertEquals("size", assertThrows(InvalidInput.class, () -> upload("empty.mp4", 0)).field());
        InvalidInput tooBig = assertThrows(InvalidInput.class, () -> upload("huge.mov", LIMIT + 1));
        assertTrue(tooBig.getMessage().contains("at most 50.0 GiB"), tooBig.getMessage());
    }

    @Test
    void theDisplayNameIsTheFileNameAloneWithoutControlCharacters() {
        assertEquals("cut 1.mp4", MediaAsset.displayName("C:\\fakepath\\cut 1.mp4"));
        assertEquals("evil.mp4", MediaAsset.displayName("../../etc/evil.mp4"));
        assertEquals("a-b.mp4", MediaAsset.displayName("a-\r\nb.mp4"));
        assertEquals("video", MediaAsset.displayName("  "));
        assertEquals(255, MediaAsset.displayName("x".repeat(400)).length());
    }

    @Test
    void theObjectKeyNeverContainsTheFileName() {
        MediaAsset cut = upload("Manifesto launch.mp4", 100);
        assertTrue(cut.objectKey().startsWith("productions/" + production.id() + "/originals/"));
        assertFalse(cut.objectKey().contains("Manifesto"));
    }

    @Test
    void aCompletedUploadCannotBeAbortedOrCompletedAgain() {
        MediaAsset cut = upload("cut.mp4", 100);
        cut.completed();
        assertEquals(AssetState.PROCESSING, cut.state());
        assertThrows(MediaRefused.class, cut::aborted);
        assertThrows(MediaRefused.class, cut::completed);
        assertThrows(MediaRefused.class, cut::requireUnfinished);
    }

    @Test
    void earlierRunsGoOnlyOnceTheirTimeHasPassedAndNeverWhileARunMayBeWriting() {
        OffsetDateTime published = OffsetDateTime.parse("2026-11-27T12:00:00Z");
        MediaAsset cut = upload("cut.mp4", 100);
        cut.completed();
        assertFalse(cut.earlierRunsDueBy(published.plusYears(1)), "nothing published, nothing to delete");

        cut.ready(published.plusHours(12));
        assertFalse(cut.earlierRunsDueBy(published.plusHours(11)));
        assertTrue(cut.earlierRunsDueBy(published.plusHours(12)));

        cut.reprocessing();
        assertFalse(cut.earlierRunsDueBy(published.plusHours(13)), "a rerun is writing under the same prefix");
        assertEquals("productions/" + production.id() + "/media/" + cut.id() + "/", cut.outputsPrefix());
    }
}
