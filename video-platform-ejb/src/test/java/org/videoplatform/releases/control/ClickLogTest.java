package org.videoplatform.releases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoplatform.releases.control.ClickLog.Click;

class ClickLogTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @TempDir
    Path folder;

    @Test
    void everyClickAcknowledgedFromManyThreadsIsInTheClosedSegments() throws Exception {
        int threads = 8;
        int perThread = 2_500;
        AtomicInteger durable = new AtomicInteger();
        CountDownLatch acknowledged = new CountDownLatch(threads * perThread);
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try (ClickLog log = new ClickLog(folder, "node-a", Duration.ofMillis(20), Thread::new)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.execute(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.record(new Click("code" + thread, DAY, String.format("%02x%04x", thread, i)), ok -> {
                            if (ok) {
                                durable.incrementAndGet();
                            }
                            acknowledged.countDown();
                        });
                    }
                });
            }
            assertTrue(acknowledged.await(60, TimeUnit.SECONDS), "every click is answered");
        } finally {
            senders.shutdown();
        }
        assertEquals(threads * perThread, durable.get());
        List<Path> segments = ClickLog.closedSegments(folder);
        assertTrue(segments.size() > 1, "segments are cut as they age: " + segments);
        List<Click> clicks = segments.stream().flatMap(segment -> ClickLog.read(segment).stream()).toList();
        assertEquals(threads * perThread, clicks.size());
        assertEquals(perThread, clicks.stream().filter(click -> click.code().equals("code3")).count());
        try (var files = Files.list(folder)) {
            assertFalse(files.anyMatch(file -> file.toString().endsWith(ClickLog.OPEN)), "closing leaves no segment open");
        }
    }

    @Test
    void aSegmentLeftOpenByACrashKeepsItsWholeLines() throws Exception {
        Files.writeString(folder.resolve("node-a-1-0" + ClickLog.OPEN),
                "2026-11-27\tAbCd1234\t0a0b\n2026-11-27\tAbCd1234\t0c0d\n2026-11-27\tAbCd", StandardCharsets.US_ASCII);
        try (ClickLog log = new ClickLog(folder, "node-a", Duration.ofMinutes(1), Thread::new)) {
            List<Path> segments = ClickLog.closedSegments(folder);
            assertEquals(1, segments.size());
            List<Click> clicks = ClickLog.read(segments.get(0));
            assertEquals(2, clicks.size(), "the line the crash cut short was never acknowledged");
            assertEquals("AbCd1234", clicks.get(1).code());
            assertEquals(DAY, clicks.get(1).day());
        }
    }

    @Test
    void aClosedLogStillAnswersButCountsNothingMore() throws Exception {
        ClickLog log = new ClickLog(folder, "node-a", Duration.ofMinutes(1), Thread::new);
        log.close();
        AtomicInteger answers = new AtomicInteger();
        log.record(new Click("late", DAY, "01"), durable -> answers.addAndGet(durable ? 10 : 1));
        assertEquals(1, answers.get(), "answered at once, as not durable");
    }
}
