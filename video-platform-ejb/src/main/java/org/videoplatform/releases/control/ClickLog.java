package org.videoplatform.releases.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Clicks on share links, written to local disk before their redirect is sent, so that no count a
 * visitor was answered for is lost in a crash. One writer thread takes whatever clicks have queued
 * since its last write, appends them and forces them to disk together (group commit): one disk
 * flush serves hundreds of redirects, which is what lets counting keep up with the redirects.
 * <p>
 * The log is cut into segments; a closed segment is never written again and is folded into the
 * database, then deleted. A segment still open when the process died holds every click that was
 * acknowledged, perhaps followed by part of a batch that never was: {@link #recover} keeps the
 * whole lines and closes it.
 */
public final class ClickLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClickLog.class.getName());

    static final String OPEN = ".open";
    static final String CLOSED = ".log";
    private static final int MAX_BATCH = 4096;

    /**
     * One click: which link, on which day, and the day's salted hash of who clicked, in hex as it
     * is written and folded.
     */
    public record Click(String code, LocalDate day, String visitor) {
    }

    /** @param durable whether the click reached the disk; a redirect goes out either way */
    private record Pending(Click click, Consumer<Boolean> acknowledge) {
    }

    private final Path directory;
    private final String node;
    private final long segmentNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;
    private long segmentsStarted;

    /**
     * @param node names this process's segments, so nodes sharing a folder never write one file
     * @param segmentLength how long a segment takes clicks before it is closed for folding
     */
    public ClickLog(Path directory, String node, Duration segmentLength, ThreadFactory threads) {
        this.directory = directory;
        this.node = node;
        this.segmentNanos = segmentLength.toNanos();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the click log folder " + directory, e);
        }
        recover(directory);
        writer = threads.newThread(this::write);
        writer.setName("click-log-writer");
        writer.start();
    }

    /** Queues a click; {@code acknowledge} runs on the writer thread once it is on disk, or could not be put there. */
    public void record(Click click, Consumer<Boolean> acknowledge) {
        if (!open) {
            acknowledge.accept(false);
            return;
        }
        queue.add(new Pending(click, acknowledge));
    }

    /** Writes what is queued, closes the segment and stops the writer. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>();
        Segment segment = null;
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                if (segment != null && (segment.olderThan(segmentNanos) || !open && batch.isEmpty())) {
                    segment.close();
                    segment = null;
                }
                if (batch.isEmpty()) {
                    continue;
                }
                if (segment == null) {
                    segment = new Segment(directory.resolve(node + "-" + System.currentTimeMillis() + "-" + segmentsStarted++ + OPEN));
                }
                segment.append(encode(batch));
                acknowledge(batch, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                open = false;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not write " + batch.size() + " clicks to the click log", e);
                acknowledge(batch, false);
                segment = abandon(segment);
            }
            batch.clear();
        }
        if (segment != null) {
            try {
                segment.close();
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "Could not close the click log segment", e);
            }
        }
    }

    /** The next batch starts a new segment; what reached this one is kept as a crash would leave it. */
    private static Segment abandon(Segment segment) {
        if (segment != null) {
            try {
                segment.channel.close();
                closeWholeLines(segment.path);
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "Could not close the failed click log segment " + segment.path, e);
            }
        }
        return null;
    }

    private static void acknowledge(List<Pending> batch, boolean durable) {
        for (Pending pending : batch) {
            try {
                pending.acknowledge().accept(durable);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A redirect could not be sent after its click was logged", e);
            }
        }
    }

    private static ByteBuffer encode(List<Pending> batch) {
        StringBuilder lines = new StringBuilder(batch.size() * 64);
        for (Pending pending : batch) {
            Click click = pending.click();
            lines.append(click.day()).append('\t').append(click.code()).append('\t').append(click.visitor()).append('\n');
        }
        return StandardCharsets.US_ASCII.encode(lines.toString());
    }

    /** Segments no writer will touch again, oldest first: the ones to fold. */
    public static List<Path> closedSegments(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(CLOSED)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the click log " + directory, e);
        }
    }

    /** The clicks of a closed segment. Days are parsed once each: a segment holds one or two. */
    public static List<Click> read(Path segment) {
        Map<String, LocalDate> days = new HashMap<>();
        try (Stream<String> lines = Files.lines(segment, StandardCharsets.US_ASCII)) {
            return lines.filter(line -> !line.isEmpty()).map(line -> {
                int afterDay = line.indexOf('\t');
                int afterCode = line.indexOf('\t', afterDay + 1);
                return new Click(line.substring(afterDay + 1, afterCode), days.computeIfAbsent(line.substring(0, afterDay), LocalDate::parse),
                        line.substring(afterCode + 1));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the click log segment " + segment, e);
        }
    }

    /**
     * Closes the segments a dead writer left open. Only whole lines were acknowledged: a line the
     * crash cut short is dropped with everything after it.
     */
    static void recover(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(OPEN)).toList()) {
                closeWholeLines(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot recover the click log " + directory, e);
        }
    }

    private static void closeWholeLines(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int whole = content.length;
        while (whole > 0 && content[whole - 1] != '\n') {
            whole--;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(whole);
            channel.force(true);
        }
        Files.move(file, closedName(file), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path closedName(Path open) {
        String name = open.getFileName().toString();
        return open.resolveSibling(name.substring(0, name.length() - OPEN.length()) + CLOSED);
    }

    /** The file the writer appends to until it is old enough to be folded. */
    private static final class Segment {

        private final Path path;
        private final FileChannel channel;
        private final long startedAt = System.nanoTime();

        Segment(Path path) throws IOException {
            this.path = path;
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }

        boolean olderThan(long nanos) {
            return System.nanoTime() - startedAt > nanos;
        }

        void append(ByteBuffer lines) throws IOException {
            while (lines.hasRemaining()) {
                channel.write(lines);
            }
            channel.force(false);
        }

        void close() throws IOException {
            channel.close();
            Files.move(path, closedName(path), StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
