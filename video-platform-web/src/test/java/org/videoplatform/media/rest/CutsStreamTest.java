package org.videoplatform.media.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class CutsStreamTest {

    /** A browser's end of the stream, which never left. */
    private static final class OpenSink implements SseEventSink {

        private boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final OpenSink sink = new OpenSink();
    private final CompletableFuture<Void> ticking = new CompletableFuture<>();

    @Test
    void aTickThatFailsEndsTheStreamSoTheBrowserReconnects() {
        CutsStream stream = new CutsStream(sink, null, List.of(), () -> {
            throw new IllegalStateException("the database went away");
        }, () -> false);
        stream.tickingAs(ticking);

        stream.run();

        assertTrue(sink.isClosed(), "an open stream with no ticks behind it would freeze the page's progress");
        assertTrue(ticking.isCancelled());
    }

    @Test
    void aStreamWithNothingNewSendsNothingAndGoesOn() {
        CutsStream stream = new CutsStream(sink, null, List.of(), List::of, () -> false);
        stream.tickingAs(ticking);

        stream.run();

        assertFalse(sink.isClosed());
        assertFalse(ticking.isCancelled());
    }

    @Test
    void aStreamEndsWhenItsTimeIsUpOrItsCallerIsCutOff() {
        CutsStream stream = new CutsStream(sink, null, List.of(), List::of, () -> true);
        stream.tickingAs(ticking);

        stream.run();

        assertTrue(sink.isClosed());
        assertTrue(ticking.isCancelled());
    }
}
