package org.videoplatform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.videoplatform.ApiClient;

/** Fills in a production's pre-release checklist through the API, as its producer and a lead would. */
public final class Checklist {

    public static final String JSON = "application/json";
    /** The smallest file a PDF reader opens: enough to stand for a scanned release form. */
    public static final byte[] SIGNED_FORM = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** The start of a JPEG as a phone camera writes it. */
    public static final byte[] SIGNED_PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 0x10, 'E', 'x', 'i', 'f', 0, 0};

    private Checklist() {
    }

    public static HttpResponse<String> imprint(String production, String token, String promoter, String address) {
        return send("PUT", "/api/productions/" + production + "/checklist/imprint", token, JSON,
                "{\"promoter\": \"" + promoter + "\", \"promoterAddress\": \"" + address + "\"}");
    }

    public static HttpResponse<String> captions(String production, String token, String fileName, String text) {
        return send("POST", "/api/productions/" + production + "/checklist/captions?fileName=" + fileName, token,
                fileName.endsWith(".vtt") ? "text/vtt" : "application/x-subrip", text);
    }

    public static HttpResponse<String> consentForm(String production, String token, String contentType, byte[] file) {
        return ApiClient.send(ApiClient.request("/api/productions/" + production + "/checklist/consent-forms?fileName=release.pdf", token)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(file)).build());
    }

    /** A tick as the review page of the cut in review sends it. */
    public static HttpResponse<String> tick(String production, String token, String itemId, boolean done) {
        return tickOn(cutInReview(production, token), production, token, itemId, done);
    }

    /** @param cut the cut the lead's page showed, or null for a production that had none in review */
    static HttpResponse<String> tickOn(String cut, String production, String token, String itemId, boolean done) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("done", done);
        if (cut != null) {
            body.add("cut", cut);
        }
        return send("PUT", "/api/productions/" + production + "/checklist/items/" + itemId, token, JSON, body.build().toString());
    }

    /** The production's cut in review as its page shows it, or null if it has none. */
    static String cutInReview(String production, String token) {
        JsonObject shown = object(get("/api/productions/" + production, token));
        return shown.containsKey("cutInReview") && !shown.isNull("cutInReview") ? shown.getString("cutInReview") : null;
    }

    public static JsonObject of(String production, String token) {
        return object(get("/api/productions/" + production + "/checklist", token));
    }

    /** Everything a one-second cut needs: imprint, a release form, fitting captions and a lead's ticks. */
    public static void complete(String production, String producer, String lead) {
        assertEquals(200, imprint(production, producer, "A. Organiser", "1 High Street, York YO1 1AA").statusCode());
        assertEquals(201, consentForm(production, producer, "application/pdf", SIGNED_FORM).statusCode());
        assertEquals(201, captions(production, producer, "cut.srt", "1\n00:00:00,000 --> 00:00:01,000\nFares are up.\n").statusCode());
        of(production, lead).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("kind").equals("MANUAL"))
                .forEach(item -> assertEquals(200, tick(production, lead, item.getString("id"), true).statusCode()));
    }

    public static HttpResponse<byte[]> document(String production, String token, String documentId) {
        return ApiClient.file("/api/productions/" + production + "/checklist/documents/" + documentId, token);
    }
}
