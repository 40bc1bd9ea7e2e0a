package org.videoplatform.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformDatabase;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.MediaClient;
import org.videoplatform.members.VettedMember;
import org.videoplatform.review.Approved;
import org.videoplatform.review.Checklist;

/**
 * Releasing an approved video, its share links and their cascade: redirects counted exactly
 * under concurrent load, visitors counted once, and no visitor's address stored anywhere.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReleasesIT {

    private static final String JSON = "application/json";
    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** A post is recorded once: each run of the suite posts its own. */
    private static final String POST_URL = "https://www.youtube.com/watch?v=c" + Long.toString(System.nanoTime(), 36);

    @TempDir
    static Path folder;

    private static String producer;
    private static String lead;
    private static String production;
    private static String release;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(ReleasesIT.class.getPackage());
    }

    @BeforeAll
    static void aReleasedVideo() throws Exception {
        producer = DemoAccounts.PRODUCER.token();
        lead = DemoAccounts.LEAD.token();
        production = Approved.production("Released " + System.nanoTime(), folder);
        HttpResponse<String> released = send("POST", "/api/productions/" + production + "/release", lead, JSON, posts(POST_URL));
        assertEquals(201, released.statusCode(), released.body());
        release = object(released).getString("id");
    }

    private static HttpResponse<String> youTubePost(String nameKind, String name) {
        return send("POST", "/api/releases/" + release + "/posts", lead, JSON, Json.createObjectBuilder().add("platform", "YOUTUBE")
                .add(nameKind, name).add("postedAt", "2026-11-27T12:00:00Z").add("rendition", "DELIVERY_LANDSCAPE").build().toString());
    }

    private static String posts(String url) {
        return Json.createObjectBuilder().add("posts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("platform", "YOUTUBE")
                .add("url", url).add("postedAt", "2026-11-27T10:00:00Z").add("caption", "Bus fares: we can stop this")
                .add("rendition", "DELIVERY_LANDSCAPE"))).build().toString();
    }

    @Test
    void releasingMovesTheProductionToReleasedWithItsPosts() throws Exception {
        assertEquals("RELEASED", object(get("/api/productions/" + production, producer)).getString("state"));
        JsonObject seen = object(get("/api/productions/" + production + "/release", producer));
        assertEquals(POST_URL, seen.getJsonArray("posts").getJsonObject(0).getString("url"));
        assertEquals("DELIVERY_LANDSCAPE", seen.getJsonArray("posts").getJsonObject(0).getString("rendition"));
        assertTrue(get("/api/audit?limit=50", DemoAccounts.ADMIN.token()).body().contains("release.released"));

        assertEquals(409, send("POST", "/api/productions/" + production + "/release", lead, JSON, posts(POST_URL)).statusCode(),
                "released once");
        String notApproved = MediaClient.platform().production(producer, "Not yet " + System.nanoTime());
        HttpResponse<String> early = send("POST", "/api/productions/" + notApproved + "/release", lead, JSON, posts(POST_URL));
        assertEquals(409, early.statusCode());
        assertTrue(early.body().contains("cannot become released"), early.body());
        assertEquals(403, send("POST", "/api/productions/" + notApproved + "/release", producer, JSON, posts(POST_URL)).statusCode());

        HttpResponse<String> script = send("POST", "/api/releases/" + release + "/posts", lead, JSON, Json.createObjectBuilder()
                .add("platform", "X").add("url", "javascript:alert(1)").add("postedAt", "2026-11-27T11:00:00Z")
                .add("rendition", "DELIVERY_SQUARE").build().toString());
        assertEquals(400, script.statusCode());
        for (String mistyped : List.of("+300000-11-27T11:00:00Z", "1926-11-27T11:00:00Z", "2126-11-27T11:00:00Z")) {
            HttpResponse<String> when = send("POST", "/api/releases/" + release + "/posts", lead, JSON, Json.createObjectBuilder()
                    .add("platform", "YOUTUBE").add("postId", "w" + System.nanoTime()).add("postedAt", mistyped)
                    .add("rendition", "DELIVERY_SQUARE").build().toString());
            assertEquals(400, when.statusCode(), mistyped + ": " + when.body());
            assertEquals("postedAt", object(when).getJsonArray("errors").getJsonObject(0).getString("field"), when.body());
        }
        HttpResponse<String> wrongPlatform = send("POST", "/api/releases/" + release + "/posts", lead, JSON, Json.createObjectBuilder()
                .add("platform", "FACEBOOK").add("url", POST_URL + "fb").add("postedAt", "2026-11-27T11:00:00Z")
                .add("rendition", "DELIVERY_SQUARE").build().toString());
        assertEquals(400, wrongPlatform.statusCode(), "a YouTube address as a Facebook post");
        assertTrue(object(wrongPlatform).getString("detail").contains("Check the platform chosen"), wrongPlatform.body());
        // Three pairs: one pair can miss a race by luck.
        for (int pair = 0; pair < 3; pair++) {
            String tiktok = Json.createObjectBuilder().add("platform", "TIKTOK").add("postId", Long.toString(System.nanoTime()))
                    .add("postedAt", "2026-11-27T12:00:00Z").add("rendition", "DELIVERY_PORTRAIT").build().toString();
            List<Integer> sentTwice = ApiClient.twiceAtOnce(() -> send("POST", "/api/releases/" + release + "/posts", lead, JSON, tiktok))
                    .stream().map(HttpResponse::statusCode).sorted().toList();
            assertEquals(List.of(201, 409), sentTwice, "a post sent twice at once is recorded once: imports could match neither record");
        }
        HttpResponse<String> sameAddress = send("POST", "/api/releases/" + release + "/posts", lead, JSON, Json.createObjectBuilder()
                .add("platform", "YOUTUBE").add("url", POST_URL.replace("https:", "HTTPS:")).add("postedAt", "2026-11-27T12:00:00Z")
                .add("rendition", "DELIVERY_SQUARE").build().toString());
        assertEquals(409, sameAddress.statusCode(), sameAddress.body());
        assertTrue(object(sameAddress).getString("detail").contains("already recorded"), sameAddress.body());
        String byAddressFirst = "a" + Long.toString(System.nanoTime(), 36);
        assertEquals(201, youTubePost("url", "https://www.youtube.com/watch?v=" + byAddressFirst).statusCode());
        HttpResponse<String> byItsId = youTubePost("postId", byAddressFirst);
        assertEquals(409, byItsId.statusCode(), "the video recorded by its address, then by its id: " + byItsId.body());
        assertEquals(409, youTubePost("url", "https://youtu.be/" + byAddressFirst).statusCode(), "then by its other address");
        String byIdFirst = "i" + Long.toString(System.nanoTime(), 36);
        assertEquals(201, youTubePost("postId", byIdFirst).statusCode());
        assertEquals(409, youTubePost("url", "https://youtu.be/" + byIdFirst).statusCode(), "the video recorded by its id, then by its address");
        assertEquals(6, object(get("/api/productions/" + production + "/release", lead)).getJsonArray("posts").size());

        String stranger = VettedMember.vetted("Rae Stranger").token();
        assertEquals(404, get("/api/productions/" + production + "/release", stranger).statusCode());
        assertEquals(404, get("/api/releases/" + release + "/links", stranger).statusCode());
        assertFalse(get("/api/releases", stranger).body().contains(release));
    }

    @Test
    void aChecklistItemReopenedSinceTheApprovalHoldsTheReleaseBackAndAPostRecordedByMistakeComesOff() throws Exception {
        String approved = Approved.production("Reopened " + System.nanoTime(), folder);
        String personalData = Checklist.of(approved, lead).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("title").equals("No member's personal data visible")).findFirst().orElseThrow()
                .getString("id");
        // Another look after the approval showed a member's address on a letter in shot.
        assertEquals(200, Checklist.tick(approved, lead, personalData, false).statusCode());

        HttpResponse<String> refused = send("POST", "/api/productions/" + approved + "/release", lead, JSON, posts(POST_URL + "r"));
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(object(refused).getString("detail").startsWith("Release needs every required checklist item; still open: "
                + "No member's personal data visible"), refused.body());
        assertEquals("APPROVED", object(get("/api/productions/" + approved, producer)).getString("state"));

        assertEquals(200, Checklist.tick(approved, lead, personalData, true).statusCode());
        HttpResponse<String> released = send("POST", "/api/productions/" + approved + "/release", lead, JSON, posts(POST_URL + "r"));
        assertEquals(201, released.statusCode(), released.body());

        // Then the lead records a post by mistake, and takes it off again.
        String itsRelease = object(released).getString("id");
        String first = object(get("/api/productions/" + approved + "/release", lead)).getJsonArray("posts").getJsonObject(0).getString("id");
        assertRemovalRefused(itsRelease, first, "it is the release's only one");
        String mistyped = postTo(itsRelease, POST_URL + "typo");
        assertEquals(403, send("DELETE", "/api/releases/" + itsRelease + "/posts/" + mistyped, producer, null, null).statusCode());
        assertEquals(404, send("DELETE", "/api/releases/" + release + "/posts/" + mistyped, lead, null, null).statusCode(),
                "a post is taken off through its own release");
        String linkedTo = postTo(itsRelease, POST_URL + "linked");
        assertEquals(201, send("POST", "/api/releases/" + itsRelease + "/links", lead, JSON, Json.createObjectBuilder()
                .add("channel", "WHATSAPP").add("targetUrl", POST_URL + "linked").build().toString()).statusCode());
        assertRemovalRefused(itsRelease, linkedTo, "share links lead to it");
        String measured = postTo(itsRelease, POST_URL + "measured");
        try (Connection db = PlatformDatabase.connect();
             PreparedStatement figures = db.prepareStatement("INSERT INTO post_metrics (post_id, day, views) VALUES (?, current_date, 10)")) {
            figures.setObject(1, UUID.fromString(measured));
            figures.executeUpdate();
        }
        assertRemovalRefused(itsRelease, measured, "figures were imported for it");

        assertEquals(204, send("DELETE", "/api/releases/" + itsRelease + "/posts/" + mistyped, lead, null, null).statusCode());
        assertFalse(get("/api/productions/" + approved + "/release", lead).body().contains(POST_URL + "typo"));
        assertTrue(get("/api/audit?limit=20", DemoAccounts.ADMIN.token()).body().contains(POST_URL + "typo"), "audited");
        assertEquals(404, send("DELETE", "/api/releases/" + itsRelease + "/posts/" + mistyped, lead, null, null).statusCode());
    }

    @Test
    void aShareLinkLeadsOnlyToTheHostItsPostWasCheckedOn() throws Exception {
        HttpResponse<String> released = send("POST", "/api/productions/" + Approved.production("Escaped " + System.nanoTime(), folder)
                + "/release", lead, JSON, posts(POST_URL + "e"));
        assertEquals(201, released.statusCode(), released.body());
        String itsRelease = object(released).getString("id");
        HttpResponse<String> disguised = send("POST", "/api/releases/" + itsRelease + "/posts", lead, JSON, Json.createObjectBuilder()
                .add("platform", "YOUTUBE").add("url", "https://evil.example\u042F@www.youtube.com/watch?v=d" + System.nanoTime())
                .add("postedAt", "2026-11-27T12:00:00Z").add("rendition", "DELIVERY_LANDSCAPE").build().toString());
        assertEquals(400, disguised.statusCode(), "sent on as bytes, the Я became / and the visitor landed on evil.example: "
                + disguised.body());
        assertEquals("url", object(disguised).getJsonArray("errors").getJsonObject(0).getString("field"));

        String page = "https://www.facebook.com/\u041A\u0430\u043C\u043F\u0430\u043D\u0438\u044F/videos/" + System.nanoTime();
        HttpResponse<String> added = send("POST", "/api/releases/" + itsRelease + "/posts", lead, JSON, Json.createObjectBuilder()
                .add("platform", "FACEBOOK").add("url", page).add("postedAt", "2026-11-27T12:00:00Z").add("rendition", "DELIVERY_SQUARE")
                .build().toString());
        assertEquals(201, added.statusCode(), added.body());
        String escaped = URI.create(page).toASCIIString();
        assertEquals(escaped, object(added).getString("url"), "kept as a browser sends it");
        JsonObject link = created(send("POST", "/api/releases/" + itsRelease + "/links", lead, JSON, Json.createObjectBuilder()
                .add("channel", "EMAIL").add("targetUrl", page).build().toString()));
        assertEquals(escaped, redirect(link.getString("url"), "tester").headers().firstValue("Location").orElseThrow(),
                "the post's address, found though sent unescaped");
    }

    @Test
    void addressesStoredBeforeAreEscapedByTheirMigrationAsTheyAreNow() throws Exception {
        String page = "https://www.facebook.com/\u041A\u0430\u043C\u043F\u0430\u043D\u0438\u044F/videos/1?t=\u00E9\uD83D\uDE00";
        String code = created(send("POST", "/api/releases/" + release + "/links", lead, JSON, "{\"channel\": \"SMS\"}")).getString("code");
        String migration = new String(ReleasesIT.class.getResourceAsStream("/db/migration/V28__web_addresses_in_ascii.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        try (Connection db = PlatformDatabase.connect();
             PreparedStatement planted = db.prepareStatement("UPDATE share_links SET target_url = ? WHERE code = ?");
             PreparedStatement read = db.prepareStatement("SELECT target_url FROM share_links WHERE code = ?")) {
            // As a link made before addresses were kept in ASCII held it.
            planted.setString(1, page);
            planted.setString(2, code);
            assertEquals(1, planted.executeUpdate());
            db.createStatement().execute(migration);
            read.setString(1, code);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                assertEquals(URI.create(page).toASCIIString(), row.getString(1), "escaped in SQL as Java escapes it");
            }
            planted.setString(1, null);
            planted.executeUpdate();
        }
    }

    private static String postTo(String releaseId, String url) {
        HttpResponse<String> added = send("POST", "/api/releases/" + releaseId + "/posts", lead, JSON, Json.createObjectBuilder()
                .add("platform", "YOUTUBE").add("url", url).add("postedAt", "2026-11-27T12:00:00Z").add("rendition", "DELIVERY_LANDSCAPE")
                .build().toString());
        assertEquals(201, added.statusCode(), added.body());
        return object(added).getString("id");
    }

    private static void assertRemovalRefused(String releaseId, String postId, String why) {
        HttpResponse<String> refused = send("DELETE", "/api/releases/" + releaseId + "/posts/" + postId, lead, null, null);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(object(refused).getString("detail").startsWith("This post stays: " + why), refused.body());
    }

    @Test
    void linksRedirectAndForwardsGrowACascadeWhoseReachAndDepthAreCounted() throws Exception {
        assertEquals(403, send("POST", "/api/releases/" + release + "/links", producer, JSON, "{\"channel\": \"WHATSAPP\"}").statusCode());
        HttpResponse<String> script = send("POST", "/api/releases/" + release + "/links", lead, JSON,
                "{\"channel\": \"X\", \"targetUrl\": \"javascript:alert(1)\"}");
        assertEquals(400, script.statusCode());
        assertEquals("targetUrl", object(script).getJsonArray("errors").getJsonObject(0).getString("field"), script.body());
        HttpResponse<String> elsewhere = send("POST", "/api/releases/" + release + "/links", lead, JSON,
                "{\"channel\": \"X\", \"targetUrl\": \"https://elsewhere.example/login\"}");
        assertEquals(400, elsewhere.statusCode(), "the platform's links lead to the video, not wherever a lead's token says");
        assertEquals("targetUrl", object(elsewhere).getJsonArray("errors").getJsonObject(0).getString("field"), elsewhere.body());
        JsonObject toPost = created(send("POST", "/api/releases/" + release + "/links", lead, JSON,
                "{\"channel\": \"X\", \"targetUrl\": \"" + POST_URL + "\"}"));
        assertEquals(POST_URL, redirect(toPost.getString("url"), "tester").headers().firstValue("Location").orElseThrow());
        JsonObject root = created(send("POST", "/api/releases/" + release + "/links", lead, JSON, "{\"channel\": \"WHATSAPP\"}"));
        String rootCode = root.getString("code");
        assertTrue(redirect(root.getString("url"), "tester").headers().firstValue("Location").orElseThrow().endsWith("/watch.html?c=" + rootCode));
        assertEquals(404, redirect(ApiClient.baseUrl() + "/s/Zz9Zz9Zz", "tester").statusCode());

        JsonObject landing = object(get("/api/public/links/" + rootCode, null));
        assertTrue(landing.getString("title").startsWith("Released "));
        assertEquals(POST_URL, landing.getJsonArray("watchOn").getJsonObject(0).getString("url"));
        JsonObject child = created(send("POST", "/api/public/links/" + rootCode + "/forwards", null, JSON, "{\"channel\": \"SMS\"}"));
        JsonObject grandchild = created(send("POST", "/api/public/links/" + child.getString("code") + "/forwards", null, JSON,
                "{\"channel\": \"EMAIL\"}"));
        HttpResponse<Void> checked = NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(root.getString("url")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("User-Agent", "link checker").build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, checked.statusCode(), "a link checker asking for the headers");
        assertEquals(302, redirect(root.getString("url"), "WhatsApp/2.23.20.0").statusCode(), "a chat app drawing the link's card");
        redirect(root.getString("url"), "first visitor");
        redirect(child.getString("url"), "second visitor");
        redirect(grandchild.getString("url"), "third visitor");
        redirect(grandchild.getString("url"), "third visitor");

        Map<String, JsonObject> links = awaitLinks(all -> clicks(all, grandchild.getString("code")) == 2);
        JsonObject rootBranch = links.get(rootCode);
        assertEquals(2, rootBranch.getInt("clicks"), "the tester's look and the first visitor");
        assertEquals(4, rootBranch.getInt("reach"), "two visitors on the root, one on its forward and one on the forward's forward");
        assertEquals(2, rootBranch.getInt("cascadeDepth"));
        JsonObject last = links.get(grandchild.getString("code"));
        assertEquals(2, last.getInt("depth"));
        assertEquals(1, last.getInt("visitors"), "the same browser twice is one visitor");
        assertEquals(child.getString("code"), last.getString("parentCode"));
    }

    @Test
    void concurrentClicksAreCountedExactlyAndNoAddressIsStored() throws Exception {
        JsonObject link = created(send("POST", "/api/releases/" + release + "/links", lead, JSON, "{\"channel\": \"FACEBOOK\"}"));
        int clicks = 2_000;
        int browsers = 20;
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            answers.add(NO_REDIRECTS.sendAsync(HttpRequest.newBuilder(URI.create(link.getString("url")))
                    .header("User-Agent", "browser " + i % browsers).build(), HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> answer : answers) {
            assertEquals(302, answer.get().statusCode());
        }
        JsonObject counted = awaitLinks(all -> clicks(all, link.getString("code")) >= clicks).get(link.getString("code"));
        assertEquals(clicks, counted.getInt("clicks"), "every redirect sent is a click counted, once");
        assertEquals(browsers, counted.getInt("visitors"));

        try (Connection db = PlatformDatabase.connect()) {
            List<String> holding = new ArrayList<>();
            try (ResultSet tables = db.createStatement().executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (tables.next()) {
                    String table = tables.getString(1);
                    try (PreparedStatement search = db.prepareStatement("SELECT COUNT(*) FROM \"" + table + "\" t WHERE t::text LIKE ?")) {
                        search.setString(1, "%127.0.0.1%");
                        try (ResultSet found = search.executeQuery()) {
                            found.next();
                            if (found.getLong(1) > 0) {
                                holding.add(table);
                            }
                        }
                    }
                }
            }
            assertEquals(List.of(), holding, "tables holding a visitor's address");
        }
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("vp.it.click-log")))) {
            for (Path file : files.toList()) {
                assertFalse(Files.readString(file).contains("127.0.0.1"), file + " holds an address");
            }
        }
    }

    private static HttpResponse<Void> redirect(String url, String browser) throws Exception {
        return NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", browser).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Clicks are folded into the counts every few seconds: waits until they show what is expected. */
    private static Map<String, JsonObject> awaitLinks(Predicate<Map<String, JsonObject>> counted) throws InterruptedException {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Map<String, JsonObject> links = ((JsonArray) ApiClient.json(get("/api/releases/" + release + "/links", lead)))
                    .getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(l -> l.getString("code"), l -> l));
            if (counted.test(links)) {
                return links;
            }
            if (System.nanoTime() > giveUpAt) {
                throw new AssertionError("The clicks were not counted within a minute: " + links.values());
            }
            Thread.sleep(250); // the interval between polls of the counts
        }
    }

    private static long clicks(Map<String, JsonObject> links, String code) {
        JsonObject link = links.get(code);
        return link == null ? 0 : link.getJsonNumber("clicks").longValue();
    }

    @Test
    void visitorsOfDaysLongPastBecomeCountsAndTheTotalStaysTheSame() throws Exception {
        String code = created(send("POST", "/api/releases/" + release + "/links", lead, JSON, "{\"channel\": \"EMAIL\"}")).getString("code");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate monthAgo = today.minusDays(30);
        try (Connection db = PlatformDatabase.connect()) {
            // As folds of the click log leave them: three visitors a month ago, one today.
            try (PreparedStatement days = db.prepareStatement("INSERT INTO share_link_days (code, day, clicks) VALUES (?, ?, ?)")) {
                for (Object[] day : new Object[][] {{monthAgo, 5}, {today, 1}}) {
                    days.setString(1, code);
                    days.setObject(2, day[0]);
                    days.setInt(3, (Integer) day[1]);
                    days.executeUpdate();
                }
            }
            try (PreparedStatement visitors = db.prepareStatement("INSERT INTO share_link_visitors (code, day, visitor) VALUES (?, ?, ?)")) {
                for (Object[] visitor : new Object[][] {{monthAgo, 1}, {monthAgo, 2}, {monthAgo, 3}, {today, 1}}) {
                    visitors.setString(1, code);
                    visitors.setObject(2, visitor[0]);
                    visitors.setBytes(3, new byte[] {(byte) (int) (Integer) visitor[1]});
                    visitors.executeUpdate();
                }
            }
            assertEquals(4, visitorsOf(code));

            String admin = DemoAccounts.ADMIN.token();
            HttpResponse<String> counted = send("POST", "/api/visitor-counts-probe", admin, null, null);
            assertEquals(200, counted.statusCode(), counted.body());
            assertTrue(Integer.parseInt(counted.body()) >= 3, "the month-old rows, and any other test's: " + counted.body());
            assertEquals(4, visitorsOf(code), "the same visitors, now partly a count");
            try (PreparedStatement left = db.prepareStatement("SELECT day FROM share_link_visitors WHERE code = ?")) {
                left.setString(1, code);
                try (ResultSet rows = left.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(today, rows.getObject(1, LocalDate.class), "today's visitors are still told apart");
                    assertFalse(rows.next());
                }
            }
            assertEquals("0", send("POST", "/api/visitor-counts-probe", admin, null, null).body(), "nothing is counted twice");
            assertEquals(4, visitorsOf(code));
        }
    }

    @Test
    void aPastDaysSaltIsForgottenWhenNoLinkIsClicked() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Connection db = PlatformDatabase.connect()) {
            try (PreparedStatement yesterdays = db.prepareStatement(
                    "INSERT INTO visitor_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING")) {
                yesterdays.setObject(1, today.minusDays(1));
                yesterdays.setBytes(2, new byte[32]);
                yesterdays.executeUpdate();
            }
            HttpResponse<String> forgotten = send("POST", "/api/visitor-counts-probe/salts", DemoAccounts.ADMIN.token(), null, null);
            assertEquals(204, forgotten.statusCode(), forgotten.body());
            try (PreparedStatement past = db.prepareStatement("SELECT COUNT(*) FROM visitor_salts WHERE day < ?")) {
                past.setObject(1, today);
                try (ResultSet count = past.executeQuery()) {
                    count.next();
                    assertEquals(0, count.getInt(1), "yesterday's hashes lead back to nobody");
                }
            }
            try (Statement persistence = db.createStatement();
                 ResultSet table = persistence.executeQuery("SELECT relpersistence FROM pg_class WHERE relname = 'visitor_salts'")) {
                table.next();
                assertEquals("u", table.getString(1), "unlogged: a deleted salt lives on in no write-ahead log, archive or replica");
            }
        }
    }

    private static int visitorsOf(String code) {
        return ((JsonArray) ApiClient.json(get("/api/releases/" + release + "/links", lead))).getValuesAs(JsonObject.class).stream()
                .filter(link -> link.getString("code").equals(code)).findFirst().orElseThrow().getInt("visitors");
    }

    @Test
    void oneAddressMakesSoManyLinksAWhileAndIsToldWhenItMayMakeMore() throws Exception {
        String root = created(send("POST", "/api/releases/" + release + "/links", lead, JSON, "{\"channel\": \"WHATSAPP\"}")).getString("code");
        String forwards = "/api/public/links/" + root + "/forwards";
        HttpResponse<String> refused = null;
        // The test server allows 20 links per address in 5 seconds. Other tests may have spent some, and a new while may
        // begin part-way: within 41 links one while is used up whatever the start.
        for (int made = 0; made <= 2 * 20 && refused == null; made++) {
            HttpResponse<String> answer = send("POST", forwards, null, JSON, "{\"channel\": \"SMS\"}");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                created(answer);
            }
        }
        assertNotNull(refused, "the 21st link within the while is refused");
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(object(refused).getString("detail").contains("Try again in 1 minute"), refused.body());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "seconds until the while is over: " + retryAfter);

        long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> again = send("POST", forwards, null, JSON, "{\"channel\": \"SMS\"}");
        while (again.statusCode() == 429 && System.nanoTime() < giveUpAt) {
            Thread.sleep(250); // the while ends on the server's clock; four tries a second see it end without flooding the server
            again = send("POST", forwards, null, JSON, "{\"channel\": \"SMS\"}");
        }
        created(again);
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return object(response);
    }
}
