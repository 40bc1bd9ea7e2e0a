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
import java.nio.charset.StandardCharsets;
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

/** Pitch attachments go straight from the client to object storage through presigned URLs, and come back through the API. */
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
        HttpResponse<byte[]> download = ApiClient.file("/api/pitches/" + pitch + "/attachments/" + upload.getString("id"),
                DemoAccounts.LEAD.token());
        assertEquals(200, download.statusCode());
        assertArrayEquals(script, download.body());
        assertEquals("attachment; filename=\"Sc_ne 1 _ draft.pdf\"; filename*=UTF-8''Sc%C3%A8ne%201%20%E2%80%94%20draft.pdf",
                download.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("application/octet-stream", ApiClient.contentType(download), "saved, never shown as the type the producer gave");
        assertFalse(upload.getString("uploadUrl").contains("Sc%C3%A8ne"), "the key is the server's, not the file name");

        // The upload link still works for a while: what it puts now is not what is offered.
        byte[] swapped = new byte[2_000_000];
        assertEquals(200, put(upload.getString("uploadUrl"), "application/x-msdownload", swapped));
        assertEquals(200, send("POST", "/api/pitches/" + pitch + "/attachments/" + upload.getString("id") + "/completion", producer,
                null, null).statusCode(), "confirming again changes nothing");
        JsonObject listed = ((JsonArray) ApiClient.json(get("/api/pitches/" + pitch + "/attachments", DemoAccounts.LEAD.token())))
                .getJsonObject(0);
        assertEquals(script.length, listed.getJsonNumber("size").longValue());
        assertArrayEquals(script, ApiClient.file("/api/pitches/" + pitch + "/attachments/" + listed.getString("id"), producer).body(),
                "still the file that was checked");
    }

    @Test
    void aFileIsHandedOnlyToWhoeverMaySeeItsPitchAndOnlyOnceConfirmed() throws Exception {
        byte[] storyboard = "%PDF-1.4 storyboard of Jo Bloggs".getBytes(StandardCharsets.US_ASCII);
        JsonObject upload = object(announce("storyboard-jo-bloggs.pdf", "application/pdf", storyboard.length));
        assertEquals(200, put(upload.getString("uploadUrl"), "application/pdf", storyboard));
        String file = "/api/pitches/" + pitch + "/attachments/" + upload.getString("id");
        assertEquals(404, ApiClient.file(file, producer).statusCode(), "not offered before it is confirmed");

        assertEquals(200, send("POST", file + "/completion", producer, null, null).statusCode());
        assertFalse(get("/api/pitches/" + pitch + "/attachments", producer).body().contains("http"),
                "the listing gives no link, which would carry the name into logs");
        assertEquals(404, ApiClient.file(file, VettedMember.vetted("Ari Other").token()).statusCode(), "another producer");
        assertEquals(401, ApiClient.file(file, null).statusCode(), "nobody signed in");
        String otherPitch = object(send("POST", "/api/pitches", producer, JSON, "{\"title\": \"Another\"}")).getString("id");
        HttpResponse<byte[]> underAnotherPitch = ApiClient.file("/api/pitches/" + otherPitch + "/attachments/" + upload.getString("id"),
                producer);
        assertEquals(404, underAnotherPitch.statusCode(), "an attachment is reached through its own pitch only");
        assertEquals("application/problem+json", ApiClient.contentType(underAnotherPitch));
        assertArrayEquals(storyboard, ApiClient.file(file, DemoAccounts.LEAD.token()).body());
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
