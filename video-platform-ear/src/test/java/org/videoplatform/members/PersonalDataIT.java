package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.Hung;
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformEar;

/** A member's export and erasure: the data reveals political opinions, so both must be complete. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersonalDataIT {

    private static final String JSON = "application/json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    private static HttpResponse<String> erase(String memberId, String token, String reason) {
        return send("POST", "/api/members/" + memberId + "/erasure", token, JSON,
                reason == null ? "{}" : "{\"reason\": \"" + reason + "\"}");
    }

    @Test
    void adminExportsEverythingHeldAboutAMember() {
        VettedMember member = VettedMember.vetted("Ezra Export");
        send("PUT", "/api/profile", member.token(), JSON,
                "{\"region\": \"Tyneside\", \"skills\": [\"EDITING\"], \"portfolioLinks\": []}");

        HttpResponse<String> response = get("/api/members/" + member.memberId() + "/export", DemoAccounts.ADMIN.token());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        JsonObject export = object(response);
        assertEquals(member.email(), export.getJsonObject("member").getString("email"));
        assertEquals("Tyneside", export.getJsonObject("member").getString("region"));
        assertEquals(1, export.getJsonArray("workshopAttendances").size());
        assertEquals("Ezra Export", export.getJsonArray("workshopAttendances").getJsonObject(0).getString("fullName"));
        assertEquals("VETTED", export.getJsonArray("vettingDecisions").getJsonObject(0).getString("outcome"));
        assertTrue(export.getJsonArray("auditEntries").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("action").equals("member.vetted")), export.toString());
    }

    @Test
    void erasureRemovesThePersonKeepsTheTrailAndEndsTheirAccess() {
        VettedMember member = VettedMember.vetted("Esme Erased");
        String token = member.token();
        String admin = DemoAccounts.ADMIN.token();
        String pitch = object(send("POST", "/api/pitches", token, JSON, "{\"title\": \"Esme's idea\"}")).getString("id");
        send("POST", "/api/pitches/" + pitch + "/comments", token, JSON, "{\"body\": \"Filming on Sunday\"}");
        // The trail's entry of a crew invitation is the name of the member invited.
        String producer = DemoAccounts.PRODUCER.token();
        String crewed = object(send("POST", "/api/pitches", producer, JSON, "{\"title\": \"Needs a camera\"}")).getString("id");
        assertEquals(201, send("POST", "/api/pitches/" + crewed + "/crew", producer, JSON,
                "{\"memberId\": \"" + member.memberId() + "\"}").statusCode());
        assertTrue(get("/api/audit?limit=100", admin).body().contains("Esme"), "the invitation names her");

        HttpResponse<String> erased = erase(member.memberId(), admin, "asked to be forgotten");

        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals("ERASED", object(erased).getString("state"));
        assertFalse(erased.body().contains("Esme") || erased.body().contains(member.email()), erased.body());

        String export = get("/api/members/" + member.memberId() + "/export", admin).body();
        assertFalse(export.contains("Esme") || export.contains(member.email()), export);
        assertTrue(export.contains("Former member"), "the anonymous credit stays");
        assertTrue(export.contains("member.vetted"), "decisions about them stay in the trail");

        assertTrue(KeycloakAdmin.usersWithEmail(member.email()).isEmpty(), "the account is gone");
        String lead = DemoAccounts.LEAD.token();
        assertEquals("Former member", object(get("/api/pitches/" + pitch, lead)).getString("ownerName"), "an anonymous credit");
        assertFalse(get("/api/pitches/" + pitch + "/comments", lead).body().contains("Esme"));
        assertEquals(403, get("/api/me", token).statusCode(), "a token they still hold is refused");
        JsonArray found = (JsonArray) ApiClient.json(get("/api/members?q="
                + URLEncoder.encode(member.email(), StandardCharsets.UTF_8), admin));
        assertEquals(0, found.size());
        JsonArray trail = (JsonArray) ApiClient.json(get("/api/audit?limit=100", admin));
        assertTrue(trail.getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("action").equals("member.erased")
                && e.getString("subjectId").equals(member.memberId()) && e.getString("reason").equals("asked to be forgotten")));
        assertFalse(trail.toString().contains("Esme"), "no trace of the name in the trail");
    }

    /** Their place at a workshop still to come goes to the person waiting, where it stayed held by "Erased". */
    @Test
    void erasureGivesUpTheirPlaceAtAWorkshopToCome() {
        String lead = DemoAccounts.LEAD.token();
        VettedMember member = VettedMember.vetted("Wren Placeholder");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7);
        String workshop = object(send("POST", "/api/workshops", lead, JSON, Json.createObjectBuilder()
                .add("title", "Sound for interviews").add("venue", "Hall").add("city", "York").add("capacity", 1)
                .add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString()).build().toString())).getString("id");
        String attendees = "/api/workshops/" + workshop + "/attendees";
        String held = object(send("POST", attendees, lead, JSON, Json.createObjectBuilder().add("fullName", "Wren Placeholder")
                .add("email", member.email()).build().toString())).getString("id");
        String waiting = object(send("POST", attendees, lead, JSON, Json.createObjectBuilder().add("fullName", "Next Inline")
                .add("email", "next." + UUID.randomUUID() + "@example.org").build().toString())).getString("id");

        assertEquals(200, erase(member.memberId(), DemoAccounts.ADMIN.token(), "asked to be forgotten").statusCode());

        Map<String, String> states = object(get("/api/workshops/" + workshop, lead)).getJsonArray("attendees")
                .getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(a -> a.getString("id"), a -> a.getString("state")));
        assertEquals("CANCELLED", states.get(held));
        assertEquals("REGISTERED", states.get(waiting));
    }

    @Test
    void someoneWhoIsNoMemberIsErasedFromEveryWorkshopByAnAdminOnly() {
        String lead = DemoAccounts.LEAD.token();
        String admin = DemoAccounts.ADMIN.token();
        CheckedInAttendee ida = CheckedInAttendee.named("Ida Declined", lead);
        assertEquals(200, send("POST", ida.vetting(), lead, JSON, "{\"outcome\": \"DECLINED\", \"reason\": \"not known to the branch\"}")
                .statusCode());
        CheckedInAttendee elsewhere = CheckedInAttendee.named("Someone Else", lead);
        String again = object(send("POST", elsewhere.attendees(), lead, JSON,
                "{\"fullName\": \"Ida Declined\", \"email\": \"" + ida.email() + "\"}")).getString("id");
        String erasure = ida.attendees() + "/" + ida.attendee() + "/erasure";
        String reason = "{\"reason\": \"asked to be forgotten\"}";

        assertEquals(403, send("POST", erasure, lead, JSON, reason).statusCode(), "leads do not erase");
        HttpResponse<String> holdsAPlace = send("POST", erasure, admin, JSON, reason);
        assertEquals(409, holdsAPlace.statusCode(), "a place she holds goes to the waitlist first: " + holdsAPlace.body());
        assertEquals(200, send("POST", elsewhere.attendees() + "/" + again + "/cancellation", lead, null, null).statusCode());
        // Two admins at once, each from a workshop's list she is on.
        String erasureElsewhere = elsewhere.attendees() + "/" + again + "/erasure";
        for (HttpResponse<String> erased : ApiClient.bothAtOnce(() -> send("POST", erasure, admin, JSON, reason),
                () -> send("POST", erasureElsewhere, admin, JSON, reason))) {
            assertEquals(200, erased.statusCode(), erased.body());
        }

        for (String workshop : new String[] {ida.workshop(), elsewhere.workshop()}) {
            String shown = get("/api/workshops/" + workshop, lead).body();
            assertFalse(shown.contains("Ida") || shown.contains(ida.email()), shown);
        }
        String trail = get("/api/audit?limit=100", admin).body();
        assertTrue(trail.contains("attendee.erased"), trail);
        assertFalse(trail.contains("Ida"), "the decision to decline her stays, nameless: " + trail);
        assertEquals(409, send("POST", ida.vetting(), lead, JSON, "{\"outcome\": \"VETTED\"}").statusCode(), "nobody is left to vet");
        assertEquals(200, send("POST", erasure, admin, JSON, reason).statusCode(), "erasing her again finds her already gone");
        long herErasures = ((JsonArray) ApiClient.json(get("/api/audit?limit=100", admin))).getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("action").equals("attendee.erased")
                        && List.of(ida.attendee(), again).contains(entry.getString("subjectId")))
                .count();
        assertEquals(1, herErasures, "her erasure is recorded once");

        CheckedInAttendee member = CheckedInAttendee.named("Mo Member", lead);
        assertEquals(200, member.vet(lead).statusCode());
        HttpResponse<String> aMember = send("POST", member.attendees() + "/" + member.attendee() + "/erasure", admin, JSON, reason);
        assertEquals(409, aMember.statusCode(), "a member is erased as a member: " + aMember.body());
    }

    /**
     * Erasure is the platform's to record, as a revocation is: a Keycloak that hangs holds neither
     * the request nor the erasure. Keycloak may still carry out a deletion it took without answering,
     * so waiting for its word and undoing the erasure would leave the account and the data at odds.
     */
    @Test
    void erasureHoldsWhileKeycloakDoesNotAnswerAndTheAccountGoesWhenItDoes() throws Exception {
        VettedMember member = VettedMember.vetted("Hana Unanswered");
        String token = member.token();
        String admin = DemoAccounts.ADMIN.token();

        HttpResponse<String> erased;
        try (Hung hung = KeycloakAdmin.hang()) {
            CompletableFuture<HttpResponse<String>> erasing = CompletableFuture.supplyAsync(
                    () -> erase(member.memberId(), admin, "asked to be forgotten"));
            while (!erasing.isDone() && get("/api/me", token).statusCode() == 200) {
                Thread.sleep(100); // the interval between polls
            }
            assertFalse(erasing.isDone(), "committed, and the member refused, while the request still waits on Keycloak");
            assertEquals(403, get("/api/me", token).statusCode(), "refused while Keycloak is still away");
            erased = erasing.get(60, TimeUnit.SECONDS);
        }

        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals("ERASED", object(erased).getString("state"));
        assertFalse(object(erased).getBoolean("accountInStep"), erased.body());
        assertFalse(get("/api/members/" + member.memberId() + "/export", admin).body().contains("Hana"), "erased at once");

        // Every node's sweep retries every 20 s; a sweep that began while Keycloak was stopped waits out its timeout first.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!KeycloakAdmin.usersWithEmail(member.email()).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500); // the interval between polls
        }
        assertTrue(KeycloakAdmin.usersWithEmail(member.email()).isEmpty(), "deleted once Keycloak answers");
        // Their erased email holds their member id, so the list finds them by it.
        String listed = "/api/members?q=" + member.memberId();
        deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!((JsonArray) ApiClient.json(get(listed, admin))).getJsonObject(0).getBoolean("accountInStep") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500); // the interval between polls
        }
        assertTrue(((JsonArray) ApiClient.json(get(listed, admin))).getJsonObject(0).getBoolean("accountInStep"), "the sweep saw it done");
    }

    @Test
    void erasureNeedsAReason() {
        VettedMember member = VettedMember.vetted("Eli Reasonless");

        HttpResponse<String> response = erase(member.memberId(), DemoAccounts.ADMIN.token(), null);

        assertEquals(400, response.statusCode());
        assertEquals("reason", object(response).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void onlyAdminsExportOrErase() {
        VettedMember member = VettedMember.vetted("Eve Protected");
        String lead = DemoAccounts.LEAD.token();

        assertEquals(403, get("/api/members/" + member.memberId() + "/export", lead).statusCode());
        assertEquals(403, erase(member.memberId(), lead, "because").statusCode());
        assertEquals(200, get("/api/me", member.token()).statusCode());
    }
}
