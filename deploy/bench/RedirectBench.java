// SPDX-License-Identifier: AGPL-3.0-or-later
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two ends of the redirect benchmark, around the load that redirect.sh sends with wrk.
 * {@code link CUT}: takes a short cut through review to release as the demo producer and lead and
 * prints a new share link's URL and its release. {@code clicks RELEASE CODE}: prints the link's
 * click count once it has stopped growing, to compare with the redirects wrk received.
 * Usage: java -cp CLASSPATH RedirectBench.java link CUT_FILE PLATFORM_URL KEYCLOAK_URL
 *        java -cp CLASSPATH RedirectBench.java clicks RELEASE CODE PLATFORM_URL KEYCLOAK_URL
 */
public class RedirectBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String JSON = "application/json";

    private static String platform;
    private static String keycloak;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("link")) {
            platform = args[2];
            keycloak = args[3];
            System.out.println(link(Path.of(args[1])));
        } else {
            platform = args[3];
            keycloak = args[4];
            System.out.println(settledClicks(args[1], args[2]));
        }
    }

    private static String link(Path cut) throws Exception {
        String producer = token("producer", "demo-producer");
        String lead = token("lead", "demo-lead");
        String production = object(call("POST", "/api/productions", producer, "{\"title\": \"Redirect benchmark\"}")).getString("id");
        long size = Files.size(cut);
        String media = object(call("POST", "/api/productions/" + production + "/media", producer,
                "{\"fileName\": \"cut.mp4\", \"contentType\": \"video/mp4\", \"size\": " + size + "}")).getString("id");
        String part = object(call("POST", "/api/media/" + media + "/parts/1/url", producer, null)).getString("url");
        HTTP.send(HttpRequest.newBuilder(URI.create(part)).PUT(HttpRequest.BodyPublishers.ofFile(cut)).build(),
                HttpResponse.BodyHandlers.discarding());
        call("POST", "/api/media/" + media + "/completion", producer, null);
        while (!object(call("GET", "/api/media/" + media, producer, null)).getString("state").equals("READY")) {
            Thread.sleep(500); // the interval between looks at the transcode
        }
        call("POST", "/api/cuts/" + media + "/submission", producer, null);
        String checklist = "/api/productions/" + production + "/checklist";
        call("PUT", checklist + "/imprint", producer, "{\"promoter\": \"Benchmark\", \"promoterAddress\": \"Nowhere 1\"}");
        HTTP.send(request(checklist + "/captions?fileName=cut.srt", producer).header("Content-Type", "application/x-subrip")
                .POST(HttpRequest.BodyPublishers.ofString("1\n00:00:00,000 --> 00:00:00,500\nBenchmark\n")).build(),
                HttpResponse.BodyHandlers.discarding());
        for (JsonObject item : object(call("GET", checklist, lead, null)).getJsonArray("items").getValuesAs(JsonObject.class)) {
            if (item.getBoolean("tickable")) {
                call("PUT", checklist + "/items/" + item.getString("id"), lead, "{\"done\": true, \"cut\": \"" + media + "\"}");
            }
        }
        call("POST", "/api/productions/" + production + "/review/decisions", lead,
                "{\"decision\": \"APPROVED\", \"summary\": \"Benchmark\", \"cut\": \"" + media + "\"}");
        // A post is recorded once: each run posts its own.
        String post = "https://www.youtube.com/watch?v=bench" + Long.toString(System.nanoTime(), 36);
        String release = object(call("POST", "/api/productions/" + production + "/release", lead,
                "{\"posts\": [{\"platform\": \"YOUTUBE\", \"url\": \"" + post + "\", "
                        + "\"postedAt\": \"2026-11-27T10:00:00Z\", \"rendition\": \"DELIVERY_LANDSCAPE\"}]}")).getString("id");
        JsonObject link = object(call("POST", "/api/releases/" + release + "/links", lead,
                "{\"channel\": \"WHATSAPP\", \"targetUrl\": \"" + post + "\"}"));
        return link.getString("url") + " " + release + " " + link.getString("code");
    }

    /** Clicks are folded every few seconds; the count is final once two looks a fold apart agree. */
    private static long settledClicks(String release, String code) throws Exception {
        String lead = token("lead", "demo-lead");
        long previous = -1;
        while (true) {
            long clicks = ((JsonArray) json(call("GET", "/api/releases/" + release + "/links", lead, null))).getValuesAs(JsonObject.class)
                    .stream().filter(l -> l.getString("code").equals(code)).findFirst().orElseThrow().getJsonNumber("clicks").longValue();
            if (clicks == previous) {
                return clicks;
            }
            previous = clicks;
            Thread.sleep(6_000); // longer than a fold's period, so an unchanged count means nothing is left to fold
        }
    }

    private static String token(String user, String password) throws Exception {
        String form = "grant_type=password&client_id=video-platform-tests&username=" + user + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/video-platform/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return object(answer).getString("access_token");
    }

    private static HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(platform + path)).header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = request(path, token);
        if (body != null) {
            request.header("Content-Type", JSON);
        }
        HttpResponse<String> answer = HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) json(response);
    }

    private static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }
}
