package org.videoplatform.media.rest;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One browser's stream of a production's cuts: each tick looks again and sends the cuts when
 * anything changed. It ends the stream when the browser left, the time is up or the caller was
 * cut off, and when a tick fails: a scheduled task that throws is never run again, and the
 * stream it left open would hold the page's progress bars still, with the browser waiting for
 * events instead of reconnecting.
 */
final class CutsStream implements Runnable {

    private static final Logger LOG = Logger.getLogger(CutsStream.class.getName());

    private final SseEventSink sink;
    private final Sse sse;
    private final Supplier<List<MediaView>> cuts;
    private final BooleanSupplier over;
    private List<MediaView> lastSent;
    private volatile Future<?> ticking;

    /**
     * @param first the cuts as the request read them
     * @param over whether the stream should end although the browser is still there
     */
    CutsStream(SseEventSink sink, Sse sse, List<MediaView> first, Supplier<List<MediaView>> cuts, BooleanSupplier over) {
        this.sink = sink;
        this.sse = sse;
        this.lastSent = first;
        this.cuts = cuts;
        this.over = over;
    }

    /** Sends the first event of the stream. */
    void start() {
        send(lastSent);
    }

    /** The scheduled task running this stream's ticks, which ending the stream cancels. */
    void tickingAs(Future<?> task) {
        ticking = task;
    }

    @Override
    public void run() {
        try {
            if (sink.isClosed() || over.getAsBoolean()) {
                end();
                return;
            }
            List<MediaView> now = cuts.get();
            if (!now.equals(lastSent)) {
                lastSent = now;
                send(now);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A stream of cuts ended on a failure; the browser reconnects", e);
            end();
        }
    }

    private void send(List<MediaView> views) {
        sink.send(sse.newEventBuilder().name("cuts").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(new GenericType<List<MediaView>>() { }, views).build());
    }

    private void end() {
        sink.close();
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
