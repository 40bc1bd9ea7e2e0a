package org.videoplatform.media.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams of cuts this deployment has open. The server's scheduler outlives the deployment,
 * so they are ended when it stops: browsers reconnect to whatever replaces it, where each stream
 * would otherwise tick into stopped components until its time was up.
 */
@ApplicationScoped
public class OpenCutsStreams {

    private final Set<CutsStream> open = ConcurrentHashMap.newKeySet();

    public void add(CutsStream stream) {
        open.add(stream);
        stream.whenEnded(() -> open.remove(stream));
    }

    @PreDestroy
    void endAll() {
        List.copyOf(open).forEach(CutsStream::end);
    }
}
