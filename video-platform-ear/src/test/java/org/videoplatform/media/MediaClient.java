package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoplatform.ApiClient.object;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import org.videoplatform.ApiClient;

/**
 * Uploads files the way the browser does and follows them through transcoding over the event
 * stream, on the server Arquillian runs or on another node.
 */
public final class MediaClient {

    private static final String JSON = "application/json";
    private static final Set<String> SETTLED = Set.of("READY", "REJECTED", "FAILED");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    MediaClient(String base) {
        this.base = base;
    }

    /** The server Arquillian runs. */
    public static MediaClient platform() {
        return new MediaClient(ApiClient.baseUrl());
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, String body) {
        return ApiClient.send(base, method, path, token, contentType, body);
    }

    public String production(String producer, String title) {
        return object(send("POST", "/api/productions", producer, JSON,
                Json.createObjectBuilder().add("title", title).build().toString())).getString("id");
    }

    /** Sends the file in the parts the server asks for, through the URLs it signs, and completes the upload. */
    public String upload(String producer, String production, Path file) throws IOException, InterruptedException {
        long size = Files.size(file);
        HttpResponse<String> started = send("POST", "/api/productions/" + production + "/media", producer, JSON,
                Json.createObjectBuilder().add("fileName", file.getFileName().toString()).add("contentType", "")
                        .add("size", size).build().toString());
        assertEquals(201, started.statusCode(), started.body());
        JsonObject upload = object(started);
        String media = upload.getString("id");
        long partSize = upload.getJsonNumber("partSize").longValue();
        byte[] bytes = Files.readAllBytes(file);
        for (int part = 1; part <= upload.getInt("partCount"); part++) {
            String url = object(send("POST", "/api/media/" + media + "/parts/" + part + "/url", producer, null, null)).getString("url");
            int from = (int) ((part - 1) * partSize);
            int to = (int) Math.min(size, from + partSize);
            HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, from, to - from)).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(200, put.statusCode());
        }
        HttpResponse<String> completed = send("POST", "/api/media/" + media + "/completion", producer, null, null);
        assertEquals(200, completed.statusCode(), completed.body());
        return media;
    }

    /**
     * Follows the production's event stream until the file is ready, rejected or failed.
     *
     * @return the file as the last event showed it
     */
    public JsonObject awaitSettled(String token, String production, String media, Duration within) {
        return await(token, production, media, cut -> SETTLED.contains(cut.getString("state")), within);
    }

    /** Follows the production's event stream until the file is as the condition wants it. */
    public JsonObject await(String token, String production, String media, Predicate<JsonObject> condition, Duration within) {
        HttpRequest request = ApiClient.request(base, "/api/productions/" + production + "/media/events", token)
                .timeout(within).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> stream = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    try (JsonReader reader = Json.createReader(new StringReader(line.substring(5)))) {
                        JsonArray cuts = reader.readArray();
                        for (JsonObject cut : cuts.getValuesAs(JsonObject.class)) {
                            if (cut.getString("id").equals(media) && condition.test(cut)) {
                                return cut;
                            }
                        }
                    }
                }
            }
            throw new AssertionError("The event stream ended before " + media + " got there");
        } catch (IOException e) {
            throw new UncheckedIOException(media + " did not get there within " + within, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public static byte[] download(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode(), url);
        return answer.body();
    }
}
