package org.videoplatform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;
import static org.videoplatform.review.Decisions.decide;
import static org.videoplatform.review.Decisions.decideOn;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.MediaClient;
import org.videoplatform.media.TestMedia;
import org.videoplatform.members.VettedMember;

/**
 * The review workflow through the API: every transition a production may and may not take, who
 * may decide, the frozen approved cut, and comments placed on frames of a 29.97 cut.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewIT {

    private static final String JSON = "application/json";
    private static final Duration SETTLES_WITHIN = Duration.ofMinutes(2);

    @TempDir
    static Path media;

    private static String producer;
    private static String lead;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeAll
    static void accounts() {
        producer = DemoAccounts.PRODUCER.token();
        lead = DemoAccounts.LEAD.token();
    }

    @Test
    void aProductionGoesThroughReviewUntilItsCutIsApprovedAndFrozen() throws Exception {
        String production = MediaClient.platform().production(producer, "Bus fares " + System.nanoTime());
        assertEquals("IN_PRODUCTION", object(get("/api/productions/" + production, producer)).getString("state"));
        assertDecisionRefused(production, "APPROVED", 409, "cannot become approved");
        assertDecisionRefused(production, "CHANGES_REQUESTED", 409, "cannot become changes requested");

        String unfinished = object(send("POST", "/api/productions/" + production + "/media", producer, JSON,
                "{\"fileName\": \"half.mp4\", \"size\": 1000}")).getString("id");
        HttpResponse<String> tooEarly = submit(unfinished, producer);
        assertEquals(409, tooEarly.statusCode());
        assertTrue(tooEarly.body().contains("Only a cut that is ready can be submitted"), tooEarly.body());

        String first = readyCut(production, TestMedia.LANDSCAPE);
        assertEquals(403, submit(first, lead).statusCode(), "leads do not submit");
        HttpResponse<String> submitted = submit(first, producer);
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertEquals("IN_REVIEW", object(submitted).getString("state"));
        assertEquals(first, object(submitted).getString("cutInReview"));
        assertEquals(1, object(get("/api/media/" + first, producer)).getInt("cutNumber"));
        JsonObject waiting = queued(lead, production);
        assertTrue(waiting.getBoolean("mayDecide"));

        assertEquals(403, decide(production, producer, "APPROVED", "I like my own work").statusCode());
        assertEquals(400, decide(production, lead, "APPROVED", " ").statusCode());
        assertEquals(400, decide(production, lead, "SUBMITTED", "sneaky").statusCode());
        HttpResponse<String> changes = decide(production, lead, "CHANGES_REQUESTED", "Tighten the opening; the caption covers a face");
        assertEquals(200, changes.statusCode(), changes.body());
        assertEquals("CHANGES_REQUESTED", object(changes).getString("state"));
        assertTrue(get("/api/notifications", producer).body().contains("Tighten the opening"), "the producer is told");
        assertTrue(get("/api/review-queue", producer).body().contains(production), "the producer's queue holds it");

        HttpResponse<String> again = submit(first, producer);
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("already submitted as v1"), again.body());
        assertDecisionRefused(production, "APPROVED", 409, "cannot become approved");

        String second = readyCut(production, TestMedia.LANDSCAPE);
        assertEquals("IN_REVIEW", object(submit(second, producer)).getString("state"));
        assertEquals(2, object(get("/api/media/" + second, producer)).getInt("cutNumber"));
        // A lead whose page still shows v1 decides on it: v2 was never watched.
        assertProblem(decideOn(first, production, lead, "APPROVED", "Looks good"), 409, "v2 is the cut in review now, and a decision goes on it");
        assertProblem(decideOn(null, production, lead, "APPROVED", "Looks good"), 400, "must name the cut watched: v2 is in review");
        assertProblem(decideOn(UUID.randomUUID().toString(), production, lead, "APPROVED", "Looks good"), 400, "is no cut of this production");
        String third = readyCut(production, TestMedia.LANDSCAPE);
        assertProblem(submit(third, producer), 409, "v2 is in review: submit this cut once a lead has decided on it");
        Checklist.complete(production, producer, lead);
        assertEquals(202, send("POST", "/api/media/" + second + "/transcoding", lead, null, null).statusCode(),
                "another lead has v2's outputs made again");
        assertDecisionRefused(production, "APPROVED", 409, "v2's outputs are being made again");
        assertEquals("READY", MediaClient.platform().awaitSettled(producer, production, second, SETTLES_WITHIN).getString("state"));
        HttpResponse<String> approved = decide(production, lead, "APPROVED", "Ready to go out");
        assertEquals("APPROVED", object(approved).getString("state"));
        assertNotNull(object(get("/api/media/" + second, producer)).getString("approvedAt"));
        assertDecisionRefused(production, "APPROVED", 409, "cannot become approved");

        HttpResponse<String> remake = send("POST", "/api/media/" + second + "/transcoding", lead, null, null);
        assertEquals(409, remake.statusCode());
        assertTrue(remake.body().contains("v2 was approved and is frozen"), remake.body());

        JsonArray history = (JsonArray) ApiClient.json(get("/api/productions/" + production + "/review", producer));
        assertEquals("[SUBMITTED 1, CHANGES_REQUESTED 1, SUBMITTED 2, APPROVED 2]", history.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("action") + " " + e.getInt("cutNumber")).toList().toString());
        String trail = get("/api/audit?limit=50", DemoAccounts.ADMIN.token()).body();
        assertTrue(trail.contains("review.approved") && trail.contains("review.changes-requested") && trail.contains("v2: Ready to go out"));
    }

    @Test
    void anEarlierCutWhoseOutputsAreBeingMadeAgainKeepsItsThreadsReadableAndAStoppedRunKeepsItsOutputs() throws Exception {
        MediaClient client = MediaClient.platform();
        String production = client.production(producer, "Rents " + System.nanoTime());
        // Ten seconds long, so that its outputs take a while to make again.
        String first = client.upload(producer, production, TestMedia.LANDSCAPE.write(media, 10));
        assertEquals("READY", client.awaitSettled(producer, production, first, SETTLES_WITHIN).getString("state"));
        assertEquals(200, submit(first, producer).statusCode());
        String thread = created(comment(first, lead, "{\"frame\": 12, \"body\": \"The caption covers a face\"}")).getString("id");
        assertEquals(200, decide(production, lead, "CHANGES_REQUESTED", "See the comment").statusCode());
        String second = readyCut(production, TestMedia.LANDSCAPE);
        assertEquals(200, submit(second, producer).statusCode());

        // Run again: while v1's outputs are made again, its threads read, on v2's page and its own.
        assertEquals(202, send("POST", "/api/media/" + first + "/transcoding", lead, null, null).statusCode());
        client.await(producer, production, first, cut -> cut.get("job") instanceof JsonObject job && "RUNNING".equals(job.getString("state")),
                SETTLES_WITHIN);
        HttpResponse<String> secondsComments = get("/api/cuts/" + second + "/comments", producer);
        assertEquals(200, secondsComments.statusCode(), secondsComments.body());
        JsonObject carried = object(secondsComments).getJsonArray("earlierOpen").getJsonObject(0);
        assertEquals(thread, carried.getString("id"));
        assertTrue(carried.getString("timecode").endsWith(":12"), carried.toString());
        assertEquals(200, get("/api/cuts/" + first + "/comments", lead).statusCode(), "v1's own threads read as well");

        // Stopped before it published anything: v1 keeps the outputs it had, and plays and takes comments as before.
        HttpResponse<String> cancelled = send("DELETE", "/api/media/" + first + "/transcoding", lead, null, null);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("READY", object(get("/api/media/" + first, producer)).getString("state"), "not failed: its outputs still stand");
        assertEquals(201, comment(first, lead, "{\"frame\": 1, \"body\": \"More\"}").statusCode());
    }

    @Test
    void aRejectedProductionIsFinalAndTakesNoMoreCuts() {
        String production = MediaClient.platform().production(producer, "Off message " + System.nanoTime());
        HttpResponse<String> rejected = decide(production, lead, "REJECTED", "Not a fit for the campaign");
        assertEquals("REJECTED", object(rejected).getString("state"));
        assertDecisionRefused(production, "REJECTED", 409, "it is final");
        HttpResponse<String> upload = send("POST", "/api/productions/" + production + "/media", producer, JSON,
                "{\"fileName\": \"late.mp4\", \"size\": 1000}");
        assertEquals(409, upload.statusCode());
        assertTrue(upload.body().contains("cannot take new cuts"), upload.body());
    }

    @Test
    void aLeadWhoMakesTheProductionCannotDecideOnIt() throws Exception {
        VettedMember both = VettedMember.vetted("Lou Leadproducer");
        KeycloakAdmin.grantRealmRole(both.accountId(), "video-lead");
        String token = both.token();
        String production = MediaClient.platform().production(token, "My own film " + System.nanoTime());
        String cut = readyCut(production, TestMedia.NO_AUDIO, token);
        assertEquals(200, submit(cut, token).statusCode());

        assertFalse(queued(token, production).getBoolean("mayDecide"));
        HttpResponse<String> self = decide(production, token, "APPROVED", "Looks great to me");
        assertEquals(403, self.statusCode());
        assertTrue(self.body().contains("another lead has to decide"), self.body());
        assertEquals("IN_REVIEW", object(get("/api/productions/" + production, lead)).getString("state"));

        String pitch = object(send("POST", "/api/pitches", token, JSON, "{\"title\": \"My own pitch " + System.nanoTime() + "\"}"))
                .getString("id");
        assertEquals(200, send("POST", "/api/pitches/" + pitch + "/submission", token, null, null).statusCode());
        assertFalse(object(get("/api/pitches/" + pitch, token)).getBoolean("mayDecide"), "the page offers no greenlight");
        assertProblem(send("POST", "/api/pitches/" + pitch + "/greenlight", token, JSON, "{\"reason\": \"Obviously\"}"), 403,
                "another lead has to decide");
        assertTrue(object(get("/api/pitches/" + pitch, lead)).getBoolean("mayDecide"));
    }

    @Test
    void crewSeeAndCommentButNeitherSubmitNorDecideEvenAsLeads() throws Exception {
        VettedMember crewLead = VettedMember.vetted("Cris Crewlead");
        KeycloakAdmin.grantRealmRole(crewLead.accountId(), "video-lead");
        String pitch = object(send("POST", "/api/pitches", producer, JSON, "{\"title\": \"Crewed review " + System.nanoTime() + "\"}"))
                .getString("id");
        assertEquals(201, send("POST", "/api/pitches/" + pitch + "/crew", producer, JSON,
                "{\"memberId\": \"" + crewLead.memberId() + "\"}").statusCode());
        HttpResponse<String> submittedPitch = send("POST", "/api/pitches/" + pitch + "/submission", producer, null, null);
        assertEquals(200, submittedPitch.statusCode(), submittedPitch.body());
        String crew = crewLead.token();
        assertFalse(object(get("/api/pitches/" + pitch, crew)).getBoolean("mayDecide"));
        assertProblem(send("POST", "/api/pitches/" + pitch + "/greenlight", crew, JSON, "{\"reason\": \"Mine too\"}"), 403,
                "another lead has to decide");
        assertProblem(send("POST", "/api/pitches/" + pitch + "/decline", crew, JSON, "{\"reason\": \"Not now\"}"), 403,
                "another lead has to decide");
        String production = object(send("POST", "/api/pitches/" + pitch + "/greenlight", lead, JSON, "{\"reason\": \"Go\"}"))
                .getString("id");
        String cut = readyCut(production, TestMedia.NO_AUDIO);

        assertEquals(200, get("/api/productions/" + production, crew).statusCode(), "crew see the production");
        assertEquals(201, comment(cut, crew, "{\"frame\": 2, \"body\": \"I can reshoot this\"}").statusCode());
        assertProblem(submit(cut, crew), 403, "Only the production's producer");
        assertEquals(200, submit(cut, producer).statusCode());
        assertProblem(decide(production, crew, "CHANGES_REQUESTED", "Let me fix it"), 403, "another lead has to decide");
        assertFalse(queued(crew, production).getBoolean("mayDecide"));
        assertEquals(200, decide(production, lead, "CHANGES_REQUESTED", "Reshoot the opening").statusCode());
    }

    @Test
    void commentsSitOnFramesShownAsDropFrameTimecode() throws Exception {
        String production = MediaClient.platform().production(producer, "Frames " + System.nanoTime());
        String cut = readyCut(production, TestMedia.NTSC);

        JsonObject empty = object(get("/api/cuts/" + cut + "/comments", lead));
        assertEquals(30000, empty.getJsonObject("frameRate").getInt("numerator"));
        assertEquals(1001, empty.getJsonObject("frameRate").getInt("denominator"));
        assertTrue(empty.getJsonObject("frameRate").getBoolean("dropFrame"));
        int frameCount = empty.getInt("frameCount");
        assertEquals(Math.round(TestMedia.NTSC.seconds * 30000 / 1001), frameCount, "the frames of the test's two seconds at 29.97");
        assertEquals(frameCount - 1, created(comment(cut, lead, "{\"frame\": " + (frameCount - 1) + ", \"body\": \"Last frame: cut to black\"}"))
                .getInt("frame"), "the last frame takes a comment");

        JsonObject atFrame = created(comment(cut, lead, "{\"frame\": 45, \"body\": \"Logo flashes here\","
                + " \"drawing\": [{\"kind\": \"arrow\", \"color\": \"#ff0000\", \"points\": [[0.1, 0.1], [0.5, 0.4]]}]}"));
        assertEquals("00:00:01;15", atFrame.getString("timecode"));
        assertEquals("arrow", atFrame.getJsonArray("drawing").getJsonObject(0).getString("kind"));
        JsonObject range = created(comment(cut, producer, "{\"frame\": 10, \"endFrame\": 40, \"body\": \"Music too loud\"}"));
        assertEquals("00:00:00;10", range.getString("timecode"));
        assertEquals("00:00:01;10", range.getString("endTimecode"));

        assertProblem(comment(cut, lead, "{\"frame\": 40, \"endFrame\": 10, \"body\": \"backwards\"}"), 400, "must not come before");
        assertProblem(comment(cut, lead, "{\"frame\": " + frameCount + ", \"body\": \"past the end\"}"), 400, "the cut's last frame");
        assertProblem(comment(cut, lead, "{\"frame\": 1, \"body\": \"shape\", \"drawing\": [{\"kind\": \"circle\"}]}"), 400,
                "must be an arrow, a rectangle or freehand");
        assertProblem(comment(cut, lead, "{\"frame\": 1, \"body\": \"hey\", \"mentions\": [\"someone-else\"]}"), 400,
                "only the production's producer and crew");

        String thread = atFrame.getString("id");
        JsonObject reply = created(send("POST", "/api/comments/" + thread + "/replies", producer, JSON,
                "{\"body\": \"Fixed in the grade\", \"mentions\": [\"" + object(get("/api/productions/" + production, producer))
                        .getString("ownerId") + "\"]}"));
        assertEquals(thread, reply.getString("threadId"));
        assertProblem(send("PUT", "/api/comments/" + reply.getString("id") + "/resolution", lead, JSON, "{\"resolved\": true}"), 400,
                "resolved with its thread");
        List<HttpResponse<String>> doubleClick = ApiClient.twiceAtOnce(
                () -> send("PUT", "/api/comments/" + thread + "/resolution", lead, JSON, "{\"resolved\": true}"));
        assertEquals(200, doubleClick.get(1).statusCode(), "both clicks resolve, neither is a version conflict: " + doubleClick.get(1).body());
        JsonObject resolved = object(doubleClick.get(0));
        assertTrue(resolved.getBoolean("resolved"));
        assertEquals("Lee Lead", resolved.getString("resolvedBy"));
        assertEquals("Lee Lead", object(send("PUT", "/api/comments/" + thread + "/resolution", producer, JSON, "{\"resolved\": true}"))
                .getString("resolvedBy"), "resolved again from a page not yet redrawn: the trail names the lead, and so does the thread");
        assertFalse(object(send("PUT", "/api/comments/" + thread + "/resolution", producer, JSON, "{\"resolved\": false}"))
                .getBoolean("resolved"));
        List<String> threadTrail = ((JsonArray) ApiClient.json(get("/api/audit?limit=20", DemoAccounts.ADMIN.token())))
                .getValuesAs(JsonObject.class).stream().filter(entry -> thread.equals(entry.getString("subjectId", null)))
                .map(entry -> entry.getString("action") + " by " + entry.getString("actorName") + ", " + entry.getString("reason")).toList();
        assertEquals(List.of("review.thread-reopened by Pat Producer, ntsc.mp4 (not yet submitted)",
                "review.thread-resolved by Lee Lead, ntsc.mp4 (not yet submitted)"), threadTrail,
                "newest first, the double click once");

        JsonArray all = object(get("/api/cuts/" + cut + "/comments", producer)).getJsonArray("comments");
        assertEquals(4, all.size(), "the last frame's, the logo's with its reply, and the music's");

        String stranger = VettedMember.vetted("Sam Stranger").token();
        assertEquals(404, get("/api/cuts/" + cut + "/comments", stranger).statusCode());
        assertEquals(404, comment(cut, stranger, "{\"frame\": 1, \"body\": \"let me in\"}").statusCode());
        assertEquals(404, send("POST", "/api/comments/" + thread + "/replies", stranger, JSON, "{\"body\": \"hi\"}").statusCode());
        assertEquals(404, send("PUT", "/api/comments/" + thread + "/resolution", stranger, JSON, "{\"resolved\": true}").statusCode());
        assertEquals(404, get("/api/productions/" + production + "/review", stranger).statusCode());
        assertEquals(404, submit(cut, stranger).statusCode());
        assertEquals(404, get("/api/productions/" + production + "/review/team", stranger).statusCode());
        assertEquals(401, get("/api/cuts/" + cut + "/comments", null).statusCode());

        String ownerId = object(get("/api/productions/" + production, producer)).getString("ownerId");
        created(send("POST", "/api/comments/" + thread + "/replies", lead, JSON, "{\"body\": \"Thanks " + production + "\", \"mentions\": [\""
                + ownerId + "\"]}"));
        JsonObject mentioned = ((JsonArray) ApiClient.json(get("/api/notifications", producer))).getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getString("message").contains("Thanks " + production)).findFirst().orElseThrow();
        assertTrue(mentioned.getString("message").contains("” ntsc.mp4 (not yet submitted): Thanks"), "a cut without a version yet: "
                + mentioned.getString("message"));
        String mention = mentioned.getString("id");
        assertEquals(404, send("POST", "/api/notifications/" + mention + "/read", stranger, null, null).statusCode(),
                "someone else's notification is not there for a stranger");
        assertEquals(200, send("POST", "/api/notifications/" + mention + "/read", producer, null, null).statusCode());
    }

    @Test
    void threadsLeftOpenOnOneVersionShowOnTheNext() throws Exception {
        String production = MediaClient.platform().production(producer, "Carry over " + System.nanoTime());
        String first = readyCut(production, TestMedia.NO_AUDIO);
        submit(first, producer);
        String open = created(comment(first, lead, "{\"frame\": 3, \"body\": \"Still too dark\"}")).getString("id");
        String done = created(comment(first, lead, "{\"frame\": 5, \"body\": \"Typo in title\"}")).getString("id");
        send("PUT", "/api/comments/" + done + "/resolution", producer, JSON, "{\"resolved\": true}");
        decide(production, lead, "CHANGES_REQUESTED", "See notes");

        String second = readyCut(production, TestMedia.NO_AUDIO);
        submit(second, producer);
        JsonObject onSecond = object(get("/api/cuts/" + second + "/comments", lead));
        assertEquals(0, onSecond.getJsonArray("comments").size(), "comments stay on the version they were made on");
        JsonArray earlier = onSecond.getJsonArray("earlierOpen");
        assertEquals(1, earlier.size());
        assertEquals(open, earlier.getJsonObject(0).getString("id"));
        assertEquals(1, earlier.getJsonObject(0).getInt("cutNumber"));
    }

    private static String readyCut(String production, TestMedia shape) throws Exception {
        return readyCut(production, shape, producer);
    }

    private static String readyCut(String production, TestMedia shape, String token) throws Exception {
        MediaClient client = MediaClient.platform();
        String id = client.upload(token, production, shape.write(media));
        assertEquals("READY", client.awaitSettled(token, production, id, SETTLES_WITHIN).getString("state"));
        return id;
    }

    private static HttpResponse<String> submit(String cut, String token) {
        return send("POST", "/api/cuts/" + cut + "/submission", token, null, null);
    }

    private static HttpResponse<String> comment(String cut, String token, String body) {
        return send("POST", "/api/cuts/" + cut + "/comments", token, JSON, body);
    }

    private static void assertDecisionRefused(String production, String decision, int status, String saying) {
        assertProblem(decide(production, lead, decision, "Trying"), status, saying);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String saying) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", ApiClient.contentType(response));
        assertTrue(response.body().contains(saying), response.body());
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return object(response);
    }

    private static JsonObject queued(String token, String production) {
        return ((JsonArray) ApiClient.json(get("/api/review-queue", token))).getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getJsonObject("production").getString("id").equals(production)).findFirst()
                .orElseThrow(() -> new AssertionError(production + " is not in the queue"));
    }
}
