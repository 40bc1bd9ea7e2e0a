package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.media.control.StoredObject;

/** The object store against the real S3 server the build started. */
@ExtendWith(ArquillianExtension.class)
class ObjectStoreIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(ObjectStoreIT.class.getPackage());
    }

    @Inject
    ObjectStore store;

    private final HttpClient http = HttpClient.newHttpClient();

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private String storeRandomObject(byte[] content) {
        String key = "it/" + UUID.randomUUID();
        store.put(key, new ByteArrayInputStream(content), content.length, "application/octet-stream");
        return key;
    }

    @Test
    void objectRoundTripsThroughStorage() throws Exception {
        byte[] content = randomBytes(5 * 1024 * 1024 + 17);
        String key = storeRandomObject(content);

        StoredObject described = store.describe(key).orElseThrow();
        assertEquals(content.length, described.size());
        try (InputStream in = store.open(key)) {
            assertArrayEquals(content, in.readAllBytes());
        }

        store.delete(key);
        assertTrue(store.describe(key).isEmpty());
    }

    @Test
    void missingObjectIsDescribedAsAbsent() {
        assertTrue(store.describe("it/never-stored-" + UUID.randomUUID()).isEmpty());
    }

    @Test
    void temporaryReadUrlServesTheObjectWithoutCredentials() throws Exception {
        byte[] content = randomBytes(4096);
        String key = storeRandomObject(content);

        URI url = store.temporaryReadUrl(key, Duration.ofMinutes(5));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
    }

    @Test
    void tamperedTemporaryReadUrlIsRefused() throws Exception {
        String key = storeRandomObject(randomBytes(1024));
        String url = store.temporaryReadUrl(key, Duration.ofMinutes(5)).toString();
        String sameSignatureOtherObject = url.replace(key, key + "-other");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sameSignatureOtherObject)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode());
    }

    /** What makes a review copy's links short-lived: the store itself refuses them once they expire. */
    @Test
    void temporaryReadUrlIsRefusedOnceItExpires() throws Exception {
        String key = storeRandomObject(randomBytes(1024));
        URI url = store.temporaryReadUrl(key, Duration.ofSeconds(2));
        assertEquals(200, http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode());

        long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 200;
        while (status == 200 && System.nanoTime() < giveUpAt) {
            Thread.sleep(200); // the interval between polls, not a guess at when the link expires
            status = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        assertEquals(403, status, "the link still worked 30 s after it should have expired");
    }

    @Test
    void bucketExistsOnceTheApplicationHasStarted() {
        assertTrue(store.isReady());
    }
}
