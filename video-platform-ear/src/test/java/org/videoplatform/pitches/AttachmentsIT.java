package org.videoplatform.pitches;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
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

/** Pitch attachments go straight from the client to object storage through presigned URLs. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttachmentsIT {

    private static final String JSON = "application/json";
    private final HttpClient http = HttpClient.newHttpClient();
    private String producer;
    private String pitch;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeEach
    void aPitch() {
        producer = DemoAccounts.PRODUCER.token();
        pitch = object(send("POST", "/api/pitches", producer, JSON, "{\"title\": \"With a script\"}")).getString("id");
    }

    private HttpResponse<String> announce(String fileName, String type, long size) {
        return send("POST", "/api/pitches/" + pitch + "/attachments", producer, JSON, Json.createObjectBuilder()
                .add("kind", "SCRIPT").add("fileName", fileName).add("contentType", type).add("size", size).build().toString());
    }

    private int put(String url, String type, byte[] bytes) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aScriptGoesStraightToStorageAndComesBackUnderItsOwnName() throws Exception {
        byte[] script = new byte[300_000];
        new Random(7).nextBytes(script);
        JsonObject upload = object(announce("Scène 1 — draft.pdf", "application/pdf", script.length));
        assertEquals(200, put(upload.getString("uploadUrl"), "application/pdf", script));

        HttpResponse<String> confirmed = send("POST", "/api/pitches/" + pitch + "/attachments/" + upload.getString("id")
                + "/completion", producer, null, null);
        assertEquals(200, confirmed.statusCode(), confirmed.body());

        JsonArray attachments = (JsonArray) ApiClient.json(get("/api/pitches/" + pitch + "/attachments", DemoAccounts.LEAD.token()));
        assertEquals(1, attachments.size());
        assertEquals("Scène 1 — draft.pdf", attachments.getJsonObject(0).getString("fileName"));
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(
                attachments.getJsonObject(0).getString("downloadUrl"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(script, download.body());
        assertFalse(upload.getString("uploadUrl").contains("Sc%C3%A8ne"), "the key is the server's, not the file name");

        // The upload link still works for a while: what it puts now is not what is offered.
        byte[] swapped = new byte[2_000_000];
        assertEquals(200, put(upload.getString("uploadUrl"), "application/x-msdownload", swapped));
        assertEquals(200, send("POST", "/api/pitches/" + pitch + "/attachments/" + upload.getString("id") + "/completion", producer,
                null, null).statusCode(), "confirming again changes nothing");
        JsonObject listed = ((JsonArray) ApiClient.json(get("/api/pitches/" + pitch + "/attachments", DemoAccounts.LEAD.token())))
                .getJsonObject(0);
        assertEquals(script.length, listed.getJsonNumber("size").longValue());
        assertArrayEquals(script, http.send(HttpRequest.newBuilder(URI.create(listed.getString("downloadUrl"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), "still the file that was checked");
    }

    @Test
    void anUploadThatDidNotArriveWholeIsRefusedAndNotListed() throws Exception {
        JsonObject upload = object(announce("storyboard.png", "image/png", 1000));
        put(upload.getString("uploadUrl"), "image/png", new byte[400]);

        HttpResponse<String> confirmed = send("POST", "/api/pitches/" + pitch + "/attachments/" + upload.getString("id")
                + "/completion", producer, null, null);

        assertEquals(400, confirmed.statusCode());
        assertTrue(object(confirmed).getString("detail").contains("400 bytes instead of the 1000"), confirmed.body());
        assertEquals(0, ((JsonArray) ApiClient.json(get("/api/pitches/" + pitch + "/attachments", producer))).size());
    }

    @Test
    void typeAndSizeAreCheckedBeforeAnyUpload() {
        assertEquals("contentType", object(announce("run-me.exe", "application/x-msdownload", 1000))
                .getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("size", object(announce("huge.pdf", "application/pdf", 30L * 1024 * 1024 * 1024))
                .getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void anotherProducerCannotAttachToOrListSomeoneElsesPitch() {
        String other = VettedMember.vetted("Ari Other").token();

        assertEquals(404, send("POST", "/api/pitches/" + pitch + "/attachments", other, JSON,
                "{\"fileName\": \"x.pdf\", \"contentType\": \"application/pdf\", \"size\": 10}").statusCode());
        assertEquals(404, get("/api/pitches/" + pitch + "/attachments", other).statusCode());
    }
}
