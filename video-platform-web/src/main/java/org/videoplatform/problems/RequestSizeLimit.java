package org.videoplatform.problems;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses API request bodies over a size before anything reads them: declared sizes at once,
 * chunked bodies as soon as they cross the limit. The limit is configured for the whole API and
 * raised for single endpoints by {@link MaxRequestBytes}.
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "vp.api.max-request-bytes", defaultValue = "1048576")
    long maxRequestBytes;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        MaxRequestBytes own = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(MaxRequestBytes.class);
        long limit = own != null ? own.value() : maxRequestBytes;
        if (request.getLength() > limit) {
            throw new RequestTooLargeException(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
        }
    }

    /** Counts what is read and fails the read that goes past the limit. */
    static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new RequestTooLargeException(limit);
            }
        }
    }
}
