package org.videoplatform.media.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.platform.entity.Timestamps;

class TranscodeJobTest {

    private static final Actor LEAD = new Actor("lead-account", "Lee Lead");
    private static final int MAX_ATTEMPTS = 3;

    private final MediaAsset asset = new MediaAsset(Production.direct("Explainer", "p-1", "Pat"), "p-1", "cut.mp4", "video/mp4",
            1000, 10_000);
    private final TranscodeJob job = new TranscodeJob(asset, "p-1", MAX_ATTEMPTS);

    private static OffsetDateTime longAgo() {
        return Timestamps.now().minus(Duration.ofHours(1));
    }

    @Test
    void aQueuedJobIsClaimedOnceAndHeldByItsNode() {
        assertTrue(job.claim("node-a/1", longAgo()));
        assertFalse(job.claim("node-b/1", longAgo()), "a job with a living worker is not taken");
        assertTrue(job.heldBy("node-a/1"));
        assertFalse(job.heldBy("node-b/1"));
        assertEquals(1, job.attempts());
    }

    @Test
    void aJobWhoseWorkerStoppedHeartBeatingIsTakenByAnother() {
        job.claim("node-a/1", longAgo());
        assertTrue(job.claim("node-b/1", Timestamps.now().plus(Duration.ofSeconds(1))));
        assertTrue(job.heldBy("node-b/1"));
        assertEquals(2, job.attempts());
    }

    @Test
    void aFailureThatMayPassIsRetriedAfterABackOff() {
        job.claim("n/1", longAgo());
        OffsetDateTime retryAt = job.failedForNow("store away");

        assertEquals(JobState.QUEUED, job.state());
        assertTrue(retryAt.isAfter(Timestamps.now().plus(Duration.ofSeconds(25))));
        assertFalse(job.claim("n/1", longAgo()), "not before its back-off");
    }

    @Test
    void eachRetryWaitsLongerUpToTenMinutes() {
        assertEquals(Duration.ofSeconds(30), TranscodeJob.retryDelay(1));
        assertEquals(Duration.ofMinutes(2), TranscodeJob.retryDelay(2));
        assertEquals(Duration.ofMinutes(8), TranscodeJob.retryDelay(3));
        assertEquals(Duration.ofMinutes(10), TranscodeJob.retryDelay(4));
        assertEquals(Duration.ofMinutes(10), TranscodeJob.retryDelay(40));
    }

    @Test
    void theLastAllowedAttemptFailsForGood() {
        TranscodeJob once = new TranscodeJob(asset, "p-1", 1);
        once.claim("n/1", longAgo());
        assertNull(once.failedForNow("store away"));
        assertEquals(JobState.FAILED, once.state());
        assertTrue(once.error().startsWith("Gave up after 1 attempt:"));
    }

    @Test
    void badInputFailsAtOnce() {
        job.claim("n/1", longAgo());
        job.failedForGood("This file has no video track");
        assertEquals(JobState.FAILED, job.state());
        assertEquals(1, job.attempts());
    }

    @Test
    void aCancelledJobIsNoLongerHeldAndCannotBeCancelledTwice() {
        job.claim("n/1", longAgo());
        job.cancelled(LEAD);
        assertFalse(job.heldBy("n/1"));
        assertEquals("Cancelled by Lee Lead", job.error());
        assertThrows(MediaRefused.class, () -> job.cancelled(LEAD));
    }

    @Test
    void aReleasedJobGoesBackToTheQueue() {
        job.claim("n/1", longAgo());
        assertTrue(job.released());
        assertEquals(JobState.QUEUED, job.state());
        assertTrue(job.claim("n/2", longAgo()));
    }

    @Test
    void aJobWhoseNodesStoppedOnEveryAttemptFailsForGood() {
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            job.claim("n/" + attempt, longAgo());
            assertTrue(job.released(), "attempt " + attempt);
        }
        job.claim("n/last", longAgo());
        assertFalse(job.claim("n/redelivered", OffsetDateTime.now().plusMinutes(1)), "its last attempt abandoned, it is not taken again");
        assertFalse(job.released(), "a file that crashes the decoder would take down each node in turn");
        assertEquals(JobState.FAILED, job.state());
        assertTrue(job.error().startsWith("Its node stopped during the last of its " + MAX_ATTEMPTS + " attempts"), job.error());
        assertFalse(job.claim("n/again", longAgo()));
    }
}
