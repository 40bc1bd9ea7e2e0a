package org.videoplatform.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestSizeLimitTest {

    private static InputStream limited(int size, long limit) {
        return new RequestSizeLimit.LimitedInputStream(new ByteArrayInputStream(new byte[size]), limit);
    }

    @Test
    void bodyOfExactlyTheLimitIsReadWhole() throws IOException {
        assertEquals(1024, limited(1024, 1024).readAllBytes().length);
    }

    @Test
    void bodyOneByteOverTheLimitIsRefused() {
        RequestTooLargeException refused = assertThrows(RequestTooLargeException.class, () -> limited(1025, 1024).readAllBytes());
        assertEquals(413, refused.getResponse().getStatus());
    }

    @Test
    void byteByByteReadingCountsToo() throws IOException {
        InputStream in = limited(3, 2);
        in.read();
        in.read();
        assertThrows(RequestTooLargeException.class, in::read);
    }

    @Test
    void skippedBytesCount() {
        assertThrows(RequestTooLargeException.class, () -> limited(100, 10).skip(11));
    }
}
