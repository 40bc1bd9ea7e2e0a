package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.members.VettedMember;

/**
 * Cuts travel from a plain HTTP client straight to the S3 server in parts, through URLs the API
 * signs one part or several at a time; the API itself never sees a byte of video.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadsIT {

    private static final String JSON = "application/json";
    private static final int MIB = 1024 * 1024;
    /** Three parts at the 8 MiB minimum part size, the last one short. */
    private static final byte[] CUT = randomBytes(16 * MIB + 12_345);

    private final HttpClient http = HttpClient.newHttpClient();
    private String producer;
    private String production;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    @BeforeEach
    void aProduction() {
        producer = DemoAccounts.PRODUCER.token();
        production = object(send("POST", "/api/productions", producer, JSON, "{\"title\": \"Bus fares explainer\"}")).getString("id");
    }

    private HttpResponse<String> start(String token, String fileName, long size) {
        return send("POST", "/api/productions/" + production + "/media", token, JSON, Json.createObjectBuilder()
                .add("fileName", fileName).add("contentType", "video/mp4").add("size", size).build().toString());
    }

    private String partUrl(String media, int part) {
        HttpResponse<String> answer = send("POST", "/api/media/" + media + "/parts/" + part + "/url", producer, null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return object(answer).getString("url");
    }

    private byte[] part(JsonObject upload, int number) {
        int partSize = upload.getInt("partSize");
        int from = (number - 1) * partSize;
        return Arrays.copyOfRange(CUT, from, Math.min(CUT.length, from + partSize));
    }

    private int put(String url, byte[] bytes) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<Integer> storedParts(String media) {
        return ((JsonArray) ApiClient.json(get("/api/media/" + media + "/parts", producer))).getValuesAs(JsonObject.class)
                .stream().map(p -> p.getInt("number")).toList();
    }

    private byte[] original(String media, String token) throws Exception {
        String url = object(get("/api/media/" + media + "/original", token)).getString("url");
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        return download.body();
    }

    @Test
    void aCutGoesUpInPartsAndComesBackWhole() throws Exception {
        JsonObject upload = object(start(producer, "C:\\fakepath\\Bus fares — final.mp4", CUT.length));
        String media = upload.getString("id");
        assertEquals(3, upload.getInt("partCount"));
        assertEquals("Bus fares — final.mp4", upload.getString("originalName"));

        for (int part = 1; part <= 3; part++) {
            String url = partUrl(media, part);
            assertFalse(url.contains("Bus"), "the object key is the server's, not the file name");
            assertEquals(200, put(url, part(upload, part)));
        }
        HttpResponse<String> completed = send("POST", "/api/media/" + media + "/completion", producer, null, null);

        assertEquals(200, completed.statusCode(), completed.body());
        assertEquals("PROCESSING", object(completed).getString("state"));
        assertArrayEquals(CUT, original(media, DemoAccounts.LEAD.token()));
    }

    @Test
    void aDroppedUploadResumesSendingOnlyTheMissingParts() throws Exception {
        JsonObject upload = object(start(producer, "phone.mov", CUT.length));
        String media = upload.getString("id");
        assertEquals(200, put(partUrl(media, 1), part(upload, 1)));
        dropPartWayThrough(partUrl(media, 2), part(upload, 2), 3 * MIB);

        List<Integer> stored = storedParts(media);
        assertEquals(List.of(1), stored, "only the part that arrived whole is kept");
        for (int part = 1; part <= 3; part++) {
            if (!stored.contains(part)) {
                assertEquals(200, put(partUrl(media, part), part(upload, part)));
            }
        }
        assertEquals(200, send("POST", "/api/media/" + media + "/completion", producer, null, null).statusCode());
        assertArrayEquals(CUT, original(media, producer));
    }

    @Test
    void partsAreSignedForABrowserSendingSeveralAtOnce() {
        JsonObject upload = object(start(producer, "cut.mp4", CUT.length));
        List<CompletableFuture<HttpResponse<String>>> signing = IntStream.rangeClosed(1, 3)
                .mapToObj(part -> CompletableFuture.supplyAsync(() -> send("POST", "/api/media/" + upload.getString("id")
                        + "/parts/" + part + "/url", producer, null, null)))
                .toList();

        for (CompletableFuture<HttpResponse<String>> signed : signing) {
            HttpResponse<String> answer = signed.join();
            assertEquals(200, answer.statusCode(), answer.body());
        }
    }

    @Test
    void oneRequestSignsTheNextPartsUpToTheLast() throws Exception {
        JsonObject upload = object(start(producer, "cut.mp4", CUT.length));
        String media = upload.getString("id");

        HttpResponse<String> signed = send("POST", "/api/media/" + media + "/parts/urls?from=2&count=12", producer, null, null);

        assertEquals(200, signed.statusCode(), signed.body());
        List<JsonObject> urls = ((JsonArray) ApiClient.json(signed)).getValuesAs(JsonObject.class);
        assertEquals(List.of(2, 3), urls.stream().map(u -> u.getInt("partNumber")).toList(), "the upload has three parts");
        assertEquals(200, put(partUrl(media, 1), part(upload, 1)));
        for (JsonObject url : urls) {
            assertEquals(200, put(url.getString("url"), part(upload, url.getInt("partNumber"))));
        }
        assertEquals(200, send("POST", "/api/media/" + media + "/completion", producer, null, null).statusCode());
        assertArrayEquals(CUT, original(media, producer));
    }

    @Test
    void signingAheadIsBoundedAndOnlyForTheUploader() {
        String media = object(start(producer, "cut.mp4", CUT.length)).getString("id");
        String urls = "/api/media/" + media + "/parts/urls";

        HttpResponse<String> tooMany = send("POST", urls + "?from=1&count=101", producer, null, null);
        assertEquals(400, tooMany.statusCode());
        assertEquals("count", object(tooMany).getJsonArray("errors").getJsonObject(0).getString("field"), tooMany.body());
        assertEquals(400, send("POST", urls + "?from=1&count=0", producer, null, null).statusCode());
        HttpResponse<String> pastTheEnd = send("POST", urls + "?from=4&count=2", producer, null, null);
        assertEquals(400, pastTheEnd.statusCode(), "there is no part 4");
        assertEquals("from", object(pastTheEnd).getJsonArray("errors").getJsonObject(0).getString("field"), "as the request names it");
        HttpResponse<String> noSuchPart = send("POST", "/api/media/" + media + "/parts/4/url", producer, null, null);
        assertEquals(400, noSuchPart.statusCode());
        assertEquals("number", object(noSuchPart).getJsonArray("errors").getJsonObject(0).getString("field"), noSuchPart.body());
        assertEquals(404, send("POST", urls + "?from=1&count=3", VettedMember.vetted("Sam Elsewhere").token(), null, null).statusCode());
        assertEquals(403, send("POST", urls + "?from=1&count=3", DemoAccounts.LEAD.token(), null, null).statusCode());
    }

    @Test
    void completingWithAPartMissingNamesItAndKeepsTheUploadOpen() throws Exception {
        JsonObject upload = object(start(producer, "cut.mp4", CUT.length));
        String media = upload.getString("id");
        assertEquals(200, put(partUrl(media, 1), part(upload, 1)));
        assertEquals(200, put(partUrl(media, 3), part(upload, 3)));

        HttpResponse<String> refused = send("POST", "/api/media/" + media + "/completion", producer, null, null);

        assertEquals(400, refused.statusCode());
        assertTrue(object(refused).getString("detail").contains("missing or incomplete: 2."), refused.body());
        assertEquals(409, get("/api/media/" + media + "/original", producer).statusCode(), "nothing to download yet");
        assertEquals(200, put(partUrl(media, 2), part(upload, 2)));
        assertEquals(200, send("POST", "/api/media/" + media + "/completion", producer, null, null).statusCode());
    }

    @Test
    void anAbortedUploadCannotBeContinued() throws Exception {
        JsonObject upload = object(start(producer, "wrong-file.mp4", CUT.length));
        String media = upload.getString("id");
        assertEquals(200, put(partUrl(media, 1), part(upload, 1)));

        HttpResponse<String> aborted = send("DELETE", "/api/media/" + media + "/upload", producer, null, null);

        assertEquals(200, aborted.statusCode(), aborted.body());
        assertEquals("ABORTED", object(aborted).getString("state"));
        assertEquals(409, send("POST", "/api/media/" + media + "/parts/2/url", producer, null, null).statusCode());
        HttpResponse<String> completion = send("POST", "/api/media/" + media + "/completion", producer, null, null);
        assertEquals(409, completion.statusCode());
        assertTrue(object(completion).getString("detail").endsWith("the parts sent were thrown away. Upload the file again"),
                completion.body());
        assertTrue(((JsonArray) ApiClient.json(get("/api/productions/" + production + "/media", producer))).isEmpty(),
                "an aborted upload is not listed");
    }

    @Test
    void sizeAndPartNumbersAreCheckedBeforeAnythingIsStored() {
        HttpResponse<String> tooBig = start(producer, "everything.mov", 60L * 1024 * MIB);
        assertEquals(400, tooBig.statusCode());
        JsonObject error = object(tooBig).getJsonArray("errors").getJsonObject(0);
        assertEquals("size", error.getString("field"));
        assertTrue(error.getString("message").contains("at most 50.0 GiB"), tooBig.body());
        assertEquals(400, start(producer, "empty.mp4", 0).statusCode());

        String media = object(start(producer, "cut.mp4", CUT.length)).getString("id");
        assertEquals(400, send("POST", "/api/media/" + media + "/parts/4/url", producer, null, null).statusCode());
        assertEquals(400, send("POST", "/api/media/" + media + "/parts/0/url", producer, null, null).statusCode());
    }

    @Test
    void onlyTheProductionsProducerUploadsAndOnlyTheyAndLeadsSeeTheCuts() {
        String media = object(start(producer, "cut.mp4", CUT.length)).getString("id");
        String other = VettedMember.vetted("Sam Elsewhere").token();
        String lead = DemoAccounts.LEAD.token();

        assertEquals(404, start(other, "intruder.mp4", 1000).statusCode());
        assertEquals(403, start(lead, "lead.mp4", 1000).statusCode());
        assertEquals(404, send("POST", "/api/media/" + media + "/parts/1/url", other, null, null).statusCode());
        assertEquals(404, get("/api/media/" + media + "/parts", other).statusCode());
        assertEquals(404, send("POST", "/api/media/" + media + "/completion", other, null, null).statusCode());
        assertEquals(404, send("DELETE", "/api/media/" + media + "/upload", other, null, null).statusCode());
        assertEquals(404, get("/api/media/" + media + "/original", other).statusCode());
        assertEquals(404, get("/api/productions/" + production + "/media", other).statusCode());
        assertEquals(404, get("/api/productions/" + production + "/media/events", other).statusCode());
        assertEquals(404, get("/api/media/" + media, other).statusCode());
        assertEquals(404, get("/api/media/" + media + "/outputs", other).statusCode());
        assertEquals(403, send("POST", "/api/media/" + media + "/transcoding", producer, null, null).statusCode(),
                "only leads re-run transcoding");
        assertEquals(403, send("DELETE", "/api/media/" + media + "/transcoding", producer, null, null).statusCode(),
                "only leads cancel it");
        assertEquals(1, ((JsonArray) ApiClient.json(get("/api/productions/" + production + "/media", lead))).size());
        assertEquals(401, get("/api/productions/" + production + "/media", null).statusCode());
    }

    /** Sends the start of a part and then loses the connection, as on a train going into a tunnel. */
    private static void dropPartWayThrough(String url, byte[] bytes, int sentBeforeDrop) throws IOException {
        URI target = URI.create(url);
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + target.getRawPath() + "?" + target.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + target.getHost() + ":" + target.getPort() + "\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, sentBeforeDrop);
            out.flush();
        }
    }
}
