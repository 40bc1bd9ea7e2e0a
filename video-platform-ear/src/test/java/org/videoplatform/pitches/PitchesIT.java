package org.videoplatform.pitches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.contentType;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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

/** Pitches over HTTP: who may see and decide what, and what bad input is told. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PitchesIT {

    private static final String JSON = "application/json";
    private String producer;
    private String lead;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeEach
    void signIn() {
        producer = DemoAccounts.PRODUCER.token();
        lead = DemoAccounts.LEAD.token();
    }

    private static JsonObjectBuilder pitch(String title) {
        return Json.createObjectBuilder().add("title", title).add("logline", "Why the fare rise hurts night-shift nurses")
                .add("format", "VOX_POP").add("platforms", Json.createArrayBuilder().add("TIKTOK").add("INSTAGRAM"))
                .add("plannedLengthSeconds", 60).add("deadline", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
    }

    private JsonObject drafted(String title) {
        HttpResponse<String> response = send("POST", "/api/pitches", producer, JSON, pitch(title).build().toString());
        assertEquals(201, response.statusCode(), response.body());
        return object(response);
    }

    private static HttpResponse<String> move(String pitchId, String move, String token, String reason) {
        return send("POST", "/api/pitches/" + pitchId + "/" + move, token, reason == null ? null : JSON,
                reason == null ? null : Json.createObjectBuilder().add("reason", reason).build().toString());
    }

    private static String field(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(contentType(response).startsWith("application/problem+json"));
        return object(response).getJsonArray("errors").getJsonObject(0).getString("field");
    }

    @Test
    void aPitchGoesFromDraftThroughADeclineAndARevisionToAProduction() {
        String id = drafted("Bus fares").getString("id");
        assertEquals("SUBMITTED", object(move(id, "submission", producer, null)).getString("state"));
        assertEquals("IN_DISCUSSION", object(move(id, "discussion", lead, null)).getString("state"));

        HttpResponse<String> declined = move(id, "decline", lead, "Too close to last week's video: find a new angle");
        assertEquals("DECLINED", object(declined).getString("state"));
        assertEquals("Too close to last week's video: find a new angle",
                object(get("/api/pitches/" + id, producer)).getString("feedback"), "the producer sees the feedback");

        assertEquals("DRAFT", object(move(id, "revision", producer, null)).getString("state"));
        move(id, "submission", producer, null);
        HttpResponse<String> greenlit = move(id, "greenlight", lead, "Strong angle");
        assertEquals(200, greenlit.statusCode(), greenlit.body());
        String production = object(greenlit).getString("id");
        assertEquals("Strong angle", object(get("/api/pitches/" + id, producer)).getString("feedback"),
                "the producer reads the lead's note, not the decline's feedback it replaces");

        JsonArray mine = (JsonArray) ApiClient.json(get("/api/productions", producer));
        assertTrue(mine.getValuesAs(JsonObject.class).stream().anyMatch(p -> p.getString("id").equals(production)
                && p.getString("pitchId").equals(id)));
        JsonArray trail = (JsonArray) ApiClient.json(get("/api/audit?limit=100", lead));
        assertTrue(trail.getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("action").equals("pitch.declined")
                && e.getString("subjectId").equals(id)));
    }

    @Test
    void theProducerAndTheLeadDiscussAPitchThatOthersCannotRead() {
        String id = drafted("Discussed " + System.nanoTime()).getString("id");
        String comments = "/api/pitches/" + id + "/comments";

        assertEquals(201, send("POST", comments, producer, JSON, "{\"body\": \"Could we film at the depot?\"}").statusCode());
        assertEquals(201, send("POST", comments, lead, JSON, "{\"body\": \"Yes, ask the union rep first.\"}").statusCode());

        JsonArray thread = (JsonArray) ApiClient.json(get(comments, producer));
        assertEquals(2, thread.size());
        assertEquals("Lee Lead", thread.getJsonObject(1).getString("authorName"));
        assertEquals("body", field(send("POST", comments, producer, JSON, "{\"body\": \"  \"}")));

        String other = VettedMember.vetted("Ola Outsider").token();
        assertEquals(404, get(comments, other).statusCode());
        assertEquals(404, send("POST", comments, other, JSON, "{\"body\": \"let me in\"}").statusCode());
    }

    @Test
    void theLeadsBoardFiltersByPlatformFormatAndProducer() {
        String id = drafted("Filtered " + System.nanoTime()).getString("id");

        assertTrue(get("/api/pitches?platform=INSTAGRAM&format=VOX_POP&producer=pat", lead).body().contains(id));
        assertFalse(get("/api/pitches?platform=YOUTUBE", lead).body().contains(id));
        assertFalse(get("/api/pitches?format=ANIMATION", lead).body().contains(id));
        assertEquals("platform", field(get("/api/pitches?platform=MYSPACE", lead)));
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheAllowedOnes() {
        String id = drafted("Rent").getString("id");

        HttpResponse<String> response = move(id, "greenlight", lead, "too early");

        assertEquals(409, response.statusCode());
        assertTrue(object(response).getString("detail").contains("submitted or withdrawn"), response.body());
    }

    @Test
    void aPitchGreenlitTwiceAtOnceBecomesOneProduction() {
        String id = drafted("Allotments").getString("id");
        move(id, "submission", producer, null);

        List<HttpResponse<String>> both = ApiClient.twiceAtOnce(() -> move(id, "greenlight", lead, "Go"));

        assertEquals(List.of(200, 409), both.stream().map(HttpResponse::statusCode).sorted().toList(), both.toString());
        HttpResponse<String> second = both.stream().filter(response -> response.statusCode() == 409).findFirst().orElseThrow();
        assertTrue(object(second).getString("detail").contains("greenlit cannot become greenlit"),
                "the second waits and is told the pitch moved, rather than failing on a clash of versions: " + second.body());
    }

    @Test
    void onlyLeadsDecide() {
        String id = drafted("Libraries").getString("id");
        move(id, "submission", producer, null);

        assertEquals(403, move(id, "greenlight", producer, "I like it").statusCode());
        assertEquals(403, move(id, "decline", producer, "meh").statusCode());
        assertEquals("SUBMITTED", object(get("/api/pitches/" + id, producer)).getString("state"));
    }

    @Test
    void anotherProducersPitchIsRefusedWithoutLeakingIt() {
        String id = drafted("Secret strategy " + System.nanoTime()).getString("id");
        String other = VettedMember.vetted("Oli Other").token();

        HttpResponse<String> read = get("/api/pitches/" + id, other);
        assertEquals(404, read.statusCode());
        assertFalse(read.body().contains("Secret strategy"));
        assertEquals(404, move(id, "withdrawal", other, "mine now").statusCode());
        JsonArray visible = (JsonArray) ApiClient.json(get("/api/pitches", other));
        assertFalse(visible.toString().contains(id));
    }

    @Test
    void twoEditsOfTheSameVersionDoNotOverwriteEachOther() {
        JsonObject pitch = drafted("Parks");
        String edit = Json.createObjectBuilder().add("version", pitch.getJsonNumber("version").longValue())
                .add("pitch", pitch("Parks, take two")).build().toString();

        assertEquals(200, send("PUT", "/api/pitches/" + pitch.getString("id"), producer, JSON, edit).statusCode());
        HttpResponse<String> stale = send("PUT", "/api/pitches/" + pitch.getString("id"), producer, JSON, edit);

        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(object(stale).getString("detail").contains("Someone else changed this"));
    }

    @Test
    void twoSavesOfTheSameVersionAtOnceKeepOneAndReportTheOther() {
        // Whichever way each pair interleaves, one save is kept and the other is told of it.
        for (int pair = 0; pair < 3; pair++) {
            JsonObject pitch = drafted("Parks " + pair);
            String edit = Json.createObjectBuilder().add("version", pitch.getJsonNumber("version").longValue())
                    .add("pitch", pitch("Parks, take two")).build().toString();
            List<Integer> savedTwice = ApiClient.twiceAtOnce(() -> send("PUT", "/api/pitches/" + pitch.getString("id"), producer, JSON, edit))
                    .stream().map(HttpResponse::statusCode).sorted().toList();
            assertEquals(List.of(200, 409), savedTwice, "the second of two saves at once is a conflict, not an incident");
        }
    }

    @Test
    void badInputIsToldWhichFieldIsWrong() {
        assertEquals("title", field(send("POST", "/api/pitches", producer, JSON, pitch("").build().toString())));
        assertEquals("title", field(send("POST", "/api/pitches", producer, JSON, pitch("\u3000\u2003").build().toString())),
                "spaces of other scripts are spaces too: stripped, the title was saved empty");
        assertEquals("deadline", field(send("POST", "/api/pitches", producer, JSON,
                pitch("Bus fares").add("deadline", "+300000-01-01").build().toString())), "a year the database cannot keep");
        assertEquals("logline", field(send("POST", "/api/pitches", producer, JSON,
                pitch("Bus fares").add("logline", "x".repeat(10_000)).build().toString())));
        assertEquals("colour", field(send("POST", "/api/pitches", producer, JSON,
                pitch("Bus fares").add("colour", "red").build().toString())));
        HttpResponse<String> platform = send("POST", "/api/pitches", producer, JSON,
                pitch("Bus fares").add("platforms", Json.createArrayBuilder().add("MYSPACE")).build().toString());
        assertEquals(400, platform.statusCode());
        assertTrue(object(platform).getString("detail").contains("MYSPACE"), platform.body());
    }

    @Test
    void aPitchPastItsDeadlineCannotBeSubmitted() {
        HttpResponse<String> created = send("POST", "/api/pitches", producer, JSON,
                pitch("Yesterday's news").add("deadline", LocalDate.now(ZoneOffset.ofHours(-12)).minusDays(1).toString()).build().toString());

        assertEquals("deadline", field(move(object(created).getString("id"), "submission", producer, null)));

        // Today in the last time zone, where the day has hours left, though it may be tomorrow in UTC.
        HttpResponse<String> dueToday = send("POST", "/api/pitches", producer, JSON,
                pitch("Today's news").add("deadline", LocalDate.now(ZoneOffset.ofHours(-12)).toString()).build().toString());
        HttpResponse<String> submitted = move(object(dueToday).getString("id"), "submission", producer, null);
        assertEquals(200, submitted.statusCode(), submitted.body());
    }

    @Test
    void aProducerOpensAProductionForAFinishedVideo() {
        HttpResponse<String> opened = send("POST", "/api/productions", producer, JSON, "{\"title\": \"Finished piece\"}");

        assertEquals(201, opened.statusCode(), opened.body());
        assertFalse(object(opened).containsKey("pitchId"));
    }

    @Test
    void peopleWhoAreNotVettedSeeNothing() {
        String newcomer = DemoAccounts.NEWCOMER.token();

        assertEquals(403, get("/api/pitches", newcomer).statusCode());
        assertEquals(403, send("POST", "/api/pitches", newcomer, JSON, pitch("Sneaky").build().toString()).statusCode());
        assertEquals(403, get("/api/productions", newcomer).statusCode());
    }
}
