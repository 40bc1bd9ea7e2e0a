package org.videoplatform.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.contentType;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.json;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.members.VettedMember;
import org.videoplatform.review.Approved;

/**
 * Platform exports in their real layouts (src/test/resources/metrics) imported against a released
 * video's posts: kept per post and day, the same file twice changing nothing, bad lines reported
 * by number, and the new-audience share known only where a platform splits its viewers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";

    // The fixtures' post ids, replaced by ones of this run, so runs against the same database stay apart.
    private static final String YOUTUBE_ID = "pF7kQ2vX9aA";
    private static final String FACEBOOK_ID = "122158000000000001";
    private static final String INSTAGRAM_ID = "17900000000000001";
    private static final String TIKTOK_ID = "7301234567890123456";

    @TempDir
    static Path folder;

    private static Map<String, String> ids;
    private static String producer;
    private static String lead;
    private static String production;
    private static String release;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeAll
    static void aVideoReleasedOnFourPlatforms() throws Exception {
        producer = DemoAccounts.PRODUCER.token();
        lead = DemoAccounts.LEAD.token();
        String run = String.format("%011d", System.nanoTime() % 100_000_000_000L);
        ids = Map.of(YOUTUBE_ID, "yt" + run.substring(2), FACEBOOK_ID, "1221" + run + "001", INSTAGRAM_ID, "1790" + run + "01",
                TIKTOK_ID, "7301" + run + "0001");
        production = Approved.production("Bus fares " + run, folder);
        String posts = Json.createObjectBuilder().add("posts", Json.createArrayBuilder()
                .add(post("YOUTUBE", "https://www.youtube.com/watch?v=" + ids.get(YOUTUBE_ID), null))
                .add(post("FACEBOOK", "https://www.facebook.com/reel/" + ids.get(FACEBOOK_ID) + "/", null))
                .add(post("INSTAGRAM", null, ids.get(INSTAGRAM_ID)))
                .add(post("TIKTOK", null, ids.get(TIKTOK_ID)))).build().toString();
        HttpResponse<String> released = send("POST", "/api/productions/" + production + "/release", lead, JSON, posts);
        assertEquals(201, released.statusCode(), released.body());
        release = object(released).getString("id");
    }

    private static JsonObject post(String platform, String url, String postId) {
        var post = Json.createObjectBuilder().add("platform", platform).add("postedAt", "2026-11-01T17:00:00Z").add("rendition", "DELIVERY_SQUARE");
        if (url != null) {
            post.add("url", url);
        }
        if (postId != null) {
            post.add("postId", postId);
        }
        return post.build();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = MetricsIT.class.getResourceAsStream("/metrics/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var id : ids.entrySet()) {
                text = text.replace(id.getKey(), id.getValue());
            }
            return text;
        }
    }

    private static JsonObject imported(String file, String asOf) throws IOException {
        HttpResponse<String> answer = send("POST", "/api/metrics/imports" + (asOf == null ? "" : "?asOf=" + asOf), lead, CSV, file);
        assertEquals(200, answer.statusCode(), answer.body());
        return object(answer);
    }

    private static JsonObject performance() {
        HttpResponse<String> answer = get("/api/performance/productions/" + production, producer);
        assertEquals(200, answer.statusCode(), answer.body());
        return object(answer);
    }

    private static Map<String, JsonObject> postsByPlatform(JsonObject performance) {
        return performance.getJsonArray("posts").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(p -> p.getString("platform"), Function.identity()));
    }

    private static Map<String, Long> facebookViews(JsonObject performance) {
        return performance.getJsonArray("days").getValuesAs(JsonObject.class).stream().filter(d -> d.getString("platform").equals("FACEBOOK"))
                .collect(Collectors.toMap(d -> d.getString("day"), d -> d.getJsonNumber("views").longValue()));
    }

    private static List<Long> problemLines(JsonObject report) {
        return report.getJsonArray("problems").getValuesAs(JsonObject.class).stream().map(p -> p.getJsonNumber("line").longValue()).toList();
    }

    @Test
    @Order(1)
    void youTubeStudioExportsFillInEachOtherAndImportingTwiceChangesNothing() throws Exception {
        JsonObject views = imported(fixture("youtube-chart-data-views.csv"), null);
        assertEquals("YOUTUBE_STUDIO", views.getString("layout"));
        assertEquals(5, views.getInt("kept"));
        assertEquals(2, views.getInt("beforePosting"), "the zero days before the video went out are left out");
        assertEquals(2, views.getInt("rejected"));
        JsonObject unknown = views.getJsonArray("problems").getJsonObject(0);
        assertEquals(2, unknown.getInt("line"));
        assertTrue(unknown.getString("reason").contains("\"Ab3dEf6hIjK\" (nor 1 more lines"), unknown.getString("reason"));

        JsonObject watch = imported(fixture("youtube-chart-data-watch-time.csv"), null);
        assertEquals(5, watch.getInt("kept"));
        JsonObject youtube = postsByPlatform(performance()).get("YOUTUBE");
        assertEquals(8000, youtube.getJsonNumber("views").longValue(), "the watch-time export left the views as they were");
        assertEquals(69.6 * 3600, youtube.getJsonNumber("watchSeconds").doubleValue(), 0.01);
        assertEquals(5, youtube.getInt("days"));

        JsonObject before = performance();
        JsonObject again = imported(fixture("youtube-chart-data-views.csv"), null);
        assertEquals(views.getInt("kept"), again.getInt("kept"));
        assertEquals(before, performance(), "importing the same file again changes nothing");
    }

    @Test
    @Order(2)
    void metaLifetimeTotalsBecomeDaysAsOfTheirExport() throws Exception {
        JsonObject facebook = imported(fixture("meta-facebook-posts.csv"), "2026-11-05");
        assertEquals("META_FACEBOOK", facebook.getString("layout"));
        assertEquals(1, facebook.getInt("kept"), facebook.toString());
        JsonObject instagram = imported(fixture("meta-instagram-posts.csv"), "2026-11-05");
        assertEquals("META_INSTAGRAM", instagram.getString("layout"));
        assertEquals(1, instagram.getInt("kept"), instagram.toString());
        JsonObject once = performance();
        imported(fixture("meta-facebook-posts.csv"), "2026-11-05");
        assertEquals(once, performance(), "the same lifetime export again changes nothing");

        imported(fixture("meta-facebook-posts.csv").replace("\"15,000\"", "\"16,500\""), "2026-11-06");
        JsonObject later = performance();
        JsonObject post = postsByPlatform(later).get("FACEBOOK");
        assertEquals(16500, post.getJsonNumber("views").longValue());
        assertEquals(420, post.getJsonNumber("reactions").longValue());
        assertEquals(100, post.getJsonNumber("shares").longValue());
        Map<String, Long> facebookDays = facebookViews(later);
        assertEquals(Map.of("2026-11-05", 15000L, "2026-11-06", 1500L), facebookDays, "a later export adds only what was new");

        imported(fixture("meta-facebook-posts.csv").replace("\"15,000\"", "\"9,000\""), "2026-11-03");
        JsonObject withOlder = performance();
        assertEquals(Map.of("2026-11-03", 9000L, "2026-11-05", 6000L, "2026-11-06", 1500L), facebookViews(withOlder),
                "an older export, imported last, takes its share from the export after it");
        assertEquals(16500, postsByPlatform(withOlder).get("FACEBOOK").getJsonNumber("views").longValue());
        assertEquals(610, postsByPlatform(later).get("INSTAGRAM").getJsonNumber("reactions").longValue(), "Instagram's likes");

        String dayOnTop = Json.createObjectBuilder().add("rows", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("platform", "facebook").add("post", ids.get(FACEBOOK_ID)).add("date", "2026-11-07").add("views", 500))).build().toString();
        JsonObject refused = object(send("POST", "/api/metrics", lead, JSON, dayOnTop));
        assertEquals(0, refused.getInt("kept"), refused.toString());
        assertEquals(List.of(1L), problemLines(refused));
        assertTrue(refused.getJsonArray("problems").getJsonObject(0).getString("reason").contains("come as lifetime totals"), refused.toString());
        assertEquals(16500, postsByPlatform(performance()).get("FACEBOOK").getJsonNumber("views").longValue(),
                "a day besides the lifetime totals would have counted twice");

        imported(fixture("meta-facebook-posts.csv").replace("\"15,000\"", ""), "2026-11-07");
        imported(fixture("meta-facebook-posts.csv").replace("\"15,000\"", "\"16,500\""), "2026-11-08");
        assertEquals(16500, postsByPlatform(performance()).get("FACEBOOK").getJsonNumber("views").longValue(),
                "an export with the views left blank in between: the next one adds to the last total given, not to nothing");
    }

    @Test
    @Order(3)
    void badLinesAreReportedByNumberAndTheGoodOnesKept() throws Exception {
        JsonObject report = imported(fixture("template-tiktok.csv"), null);
        assertEquals("TEMPLATE", report.getString("layout"));
        assertEquals(3, report.getInt("kept"));
        assertEquals(List.of(4L, 5L, 6L, 7L), problemLines(report));
        assertTrue(report.getJsonArray("problems").getJsonObject(3).getString("reason").contains("\"vine\""));

        HttpResponse<String> table = send("POST", "/api/metrics/imports", lead, CSV, fixture("youtube-table-data.csv"));
        assertEquals(400, table.statusCode());
        assertEquals("application/problem+json", contentType(table));
        assertTrue(table.body().contains("Chart data.csv"), table.body());
        HttpResponse<String> badDay = send("POST", "/api/metrics/imports?asOf=yesterday", lead, CSV, fixture("template-tiktok.csv"));
        assertEquals(400, badDay.statusCode());
        assertTrue(badDay.body().contains("asOf"), badDay.body());
        HttpResponse<String> typoedYear = send("POST", "/api/metrics/imports?asOf=2062-11-27", lead, CSV, fixture("template-tiktok.csv"));
        assertEquals(400, typoedYear.statusCode());
        assertTrue(typoedYear.body().contains("has not come yet"), typoedYear.body());

        String overflowing = Json.createObjectBuilder().add("rows", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("platform", "tiktok").add("post", ids.get(TIKTOK_ID)).add("date", "2026-11-07").add("views", Long.MAX_VALUE))).build().toString();
        HttpResponse<String> tooMany = send("POST", "/api/metrics", lead, JSON, overflowing);
        assertEquals(200, tooMany.statusCode(), tooMany.body());
        assertEquals(List.of(1L), problemLines(object(tooMany)));
        assertTrue(tooMany.body().contains("more than any post has had"), tooMany.body());
    }

    @Test
    @Order(4)
    void theNewAudienceShareIsKnownOnlyWherePlatformsSplitTheirViewers() {
        JsonObject video = performance();
        Map<String, JsonObject> posts = postsByPlatform(video);
        JsonObject tiktok = posts.get("TIKTOK").getJsonObject("audience");
        assertEquals(0.91, tiktok.getJsonNumber("newShare").doubleValue(), 1e-9, "9,100 of the 10,000 split views were not followers");
        assertEquals(10000.0 / 11000, tiktok.getJsonNumber("coverage").doubleValue(), 1e-9, "the day with no split is left out of the share");
        for (String platform : List.of("YOUTUBE", "FACEBOOK", "INSTAGRAM")) {
            assertEquals(JsonValue.NULL, posts.get(platform).getJsonObject("audience").get("newShare"),
                    platform + " gives no split: unknown, not zero");
        }
        JsonObject all = video.getJsonObject("audience");
        assertEquals(8000 + 16500 + 5200 + 11000, all.getJsonNumber("views").longValue());
        assertEquals(0.91, all.getJsonNumber("newShare").doubleValue(), 1e-9);
        assertEquals(10000.0 / 40700, all.getJsonNumber("coverage").doubleValue(), 1e-9);
    }

    @Test
    @Order(5)
    void connectorsSendRowsAsJson() {
        String rows = Json.createObjectBuilder().add("rows", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("platform", "tiktok").add("post", ids.get(TIKTOK_ID)).add("date", "2026-11-07")
                        .add("views", 500).add("followerViews", 50).add("nonFollowerViews", 450))
                .add(Json.createObjectBuilder().add("platform", "tiktok").add("post", ids.get(TIKTOK_ID)).add("views", 5))
                .add(Json.createObjectBuilder().add("platform", "tiktok").add("post", ids.get(TIKTOK_ID)).add("date", "2026-11-07")
                        .add("views", 600))
                .add(Json.createObjectBuilder().add("platform", "tiktok").add("post", ids.get(TIKTOK_ID)).add("date", "2062-11-07")
                        .add("views", 900000))).build().toString();
        HttpResponse<String> answer = send("POST", "/api/metrics", lead, JSON, rows);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject report = object(answer);
        assertEquals(2, report.getInt("kept"));
        assertEquals(List.of(2L, 4L), problemLines(report));
        assertTrue(report.getJsonArray("problems").getJsonObject(1).getString("reason").contains("2062-11-07 has not come yet"), report.toString());
        assertEquals(11600, postsByPlatform(performance()).get("TIKTOK").getJsonNumber("views").longValue(),
                "the same day twice: the later row counts");
        assertEquals(400, send("POST", "/api/metrics", lead, JSON, "{\"rows\": []}").statusCode());
    }

    @Test
    @Order(6)
    void leaderboardComparisonsPortfolioAndCsv() {
        JsonArray videos = (JsonArray) json(get("/api/performance/videos", lead));
        JsonObject row = videos.getValuesAs(JsonObject.class).stream().filter(v -> v.getString("productionId").equals(production))
                .findFirst().orElseThrow();
        assertEquals(8000 + 16500 + 5200 + 11600, row.getJsonNumber("views").longValue());
        assertEquals(List.of("FACEBOOK", "YOUTUBE", "INSTAGRAM", "TIKTOK"),
                row.getJsonArray("platforms").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());

        JsonArray byPlatform = (JsonArray) json(get("/api/performance/comparisons?by=platform", lead));
        List<String> names = byPlatform.getValuesAs(JsonObject.class).stream().map(g -> g.getString("name")).toList();
        assertTrue(names.containsAll(List.of("YOUTUBE", "FACEBOOK", "INSTAGRAM", "TIKTOK")), names.toString());
        assertEquals(400, get("/api/performance/comparisons?by=colour", lead).statusCode());

        JsonArray portfolio = (JsonArray) json(get("/api/performance/producers/me", producer));
        assertTrue(portfolio.getValuesAs(JsonObject.class).stream().anyMatch(v -> v.getString("productionId").equals(production)));

        HttpResponse<String> csv = get("/api/performance/videos.csv", lead);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("production_id,title,producer,"), csv.body());
        assertTrue(csv.body().contains(production + ",Bus fares "), "the video is a line of the export");
        HttpResponse<String> days = get("/api/performance/productions/" + production + "/days.csv", producer);
        assertTrue(days.body().lines().anyMatch(l -> l.startsWith("2026-11-02,tiktok,6000,5200,84000.0,")), days.body());
    }

    @Test
    @Order(7)
    void onlyLeadsImportAndCompareAndOnlyItsMakersSeeAVideo() throws Exception {
        assertEquals(403, send("POST", "/api/metrics/imports", producer, CSV, fixture("template-tiktok.csv")).statusCode());
        assertEquals(403, send("POST", "/api/metrics", producer, JSON, "{\"rows\": []}").statusCode());
        assertEquals(403, get("/api/performance/videos", producer).statusCode());
        assertEquals(403, get("/api/performance/comparisons?by=format", producer).statusCode());
        assertEquals(401, get("/api/performance/productions/" + production, null).statusCode());

        String stranger = VettedMember.vetted("Sol Stranger").token();
        assertEquals(404, get("/api/performance/productions/" + production, stranger).statusCode());
        assertEquals(404, get("/api/performance/productions/" + production + "/days.csv", stranger).statusCode());
        String producerId = DemoAccounts.claims(producer).getString("sub");
        assertEquals(404, get("/api/performance/producers/" + producerId, stranger).statusCode());
        assertEquals(200, get("/api/performance/producers/" + producerId, lead).statusCode());
        JsonArray own = (JsonArray) json(get("/api/performance/producers/me", stranger));
        assertFalse(own.toString().contains(production));
    }

    /** A day's average view duration over two posts on one platform weighs each by its views, as its completion does. */
    @Test
    @Order(8)
    void aDaysAverageViewDurationWeighsEachPostByItsViews() {
        String shortId = "sh" + ids.get(YOUTUBE_ID).substring(2);
        HttpResponse<String> added = send("POST", "/api/releases/" + release + "/posts", lead, JSON,
                post("YOUTUBE", "https://www.youtube.com/shorts/" + shortId, null).toString());
        assertEquals(201, added.statusCode(), added.body());
        String rows = Json.createObjectBuilder().add("rows", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("platform", "youtube").add("post", ids.get(YOUTUBE_ID)).add("date", "2026-11-09")
                        .add("views", 100).add("averageViewDurationSeconds", 300))
                .add(Json.createObjectBuilder().add("platform", "youtube").add("post", shortId).add("date", "2026-11-09")
                        .add("views", 10_000).add("averageViewDurationSeconds", 10))).build().toString();
        assertEquals(200, send("POST", "/api/metrics", lead, JSON, rows).statusCode());

        JsonObject day = performance().getJsonArray("days").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("day").equals("2026-11-09") && d.getString("platform").equals("YOUTUBE")).findFirst().orElseThrow();
        assertEquals((100 * 300 + 10_000 * 10) / 10_100.0, day.getJsonNumber("avgViewSeconds").doubleValue(), 1e-9);
    }
}
