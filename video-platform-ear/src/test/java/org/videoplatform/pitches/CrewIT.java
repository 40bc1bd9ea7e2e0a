package org.videoplatform.pitches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.JsonArray;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformDatabase;
import org.videoplatform.PlatformEar;
import org.videoplatform.members.VettedMember;

/** Crew: the producer finds members by skill and region and invites them; crew see and talk but decide nothing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrewIT {

    private static final String JSON = "application/json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void aProducerFindsCrewBySkillAndRegionAndCrewSeeButDoNotDecide() {
        VettedMember owner = VettedMember.vetted("Olu Owner");
        VettedMember camera = VettedMember.vetted("Cam Crew");
        String region = "Crewshire " + UUID.randomUUID();
        String shown = "Cam " + region.substring(region.length() - 6);
        assertEquals(200, send("PUT", "/api/profile", camera.token(), JSON, "{\"displayName\": \"" + shown + "\", \"region\": \"" + region
                + "\", \"skills\": [\"CAMERA\"], \"portfolioLinks\": []}").statusCode());
        String pitch = object(send("POST", "/api/pitches", owner.token(), JSON, "{\"title\": \"Crewed\"}")).getString("id");

        JsonArray candidates = (JsonArray) ApiClient.json(get("/api/crew-candidates?skill=CAMERA&region="
                + URLEncoder.encode(region, StandardCharsets.UTF_8), owner.token()));
        assertEquals(1, candidates.size(), candidates.toString());
        assertEquals(shown, candidates.getJsonObject(0).getString("displayName"));
        assertFalse(candidates.toString().contains(camera.email()), "no emails for producers");

        String memberId = candidates.getJsonObject(0).getString("memberId");
        String ownerToken = owner.token();
        for (HttpResponse<String> invited : ApiClient.twiceAtOnce(() -> send("POST", "/api/pitches/" + pitch + "/crew", ownerToken, JSON,
                "{\"memberId\": \"" + memberId + "\"}"))) {
            assertEquals(201, invited.statusCode(), "a double click invites once, and both clicks hear so: " + invited.body());
        }

        String crew = camera.token();
        assertEquals(200, get("/api/pitches/" + pitch, crew).statusCode());
        assertTrue(get("/api/pitches", crew).body().contains(pitch), "crew see the pitch in their list");
        assertEquals(201, send("POST", "/api/pitches/" + pitch + "/comments", crew, JSON, "{\"body\": \"I have a gimbal\"}").statusCode());
        assertEquals(404, send("POST", "/api/pitches/" + pitch + "/submission", crew, null, null).statusCode());
        assertEquals(404, send("POST", "/api/pitches/" + pitch + "/crew", crew, JSON,
                "{\"memberId\": \"" + memberId + "\"}").statusCode(), "crew cannot invite");
        assertEquals(403, send("POST", "/api/pitches/" + pitch + "/greenlight", crew, JSON, "{}").statusCode());
        JsonArray onCrew = (JsonArray) ApiClient.json(get("/api/pitches/" + pitch + "/crew", owner.token()));
        assertEquals(1, onCrew.size());

        // The wrong one of two namesakes was invited: the producer takes them off, and they see the pitch no more.
        String place = "/api/pitches/" + pitch + "/crew/" + onCrew.getJsonObject(0).getString("id");
        assertEquals(404, send("DELETE", place, crew, null, null).statusCode(), "crew cannot take anyone off");
        assertEquals(404, send("DELETE", place, VettedMember.vetted("Otto Outsider").token(), null, null).statusCode());
        assertEquals(204, send("DELETE", place, owner.token(), null, null).statusCode());
        assertEquals(204, send("DELETE", place, owner.token(), null, null).statusCode(), "a second click changes nothing");
        assertEquals(404, get("/api/pitches/" + pitch, crew).statusCode());
        assertFalse(get("/api/pitches", crew).body().contains(pitch));
        assertEquals(0, ((JsonArray) ApiClient.json(get("/api/pitches/" + pitch + "/crew", owner.token()))).size());
        assertTrue(get("/api/pitches/" + pitch + "/comments", owner.token()).body().contains("I have a gimbal"), "what they wrote stays");
        assertTrue(get("/api/audit?limit=20", DemoAccounts.ADMIN.token()).body().contains("pitch.crew-removed"));
    }

    @Test
    void aMemberWhoChoseNoNameIsShownToProducersByFirstNameAndInitialOnly() {
        // A first name no earlier run against the same database gave: the initial must be hers alone.
        String firstName = "Rosa" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        VettedMember quiet = VettedMember.vetted(firstName + " Quietfield");
        String region = "Nameless " + UUID.randomUUID();
        assertEquals(200, send("PUT", "/api/profile", quiet.token(), JSON,
                "{\"displayName\": \" \", \"region\": \"" + region + "\", \"skills\": [\"SOUND\"], \"portfolioLinks\": []}").statusCode());

        String found = get("/api/crew-candidates?skill=SOUND&region=" + URLEncoder.encode(region, StandardCharsets.UTF_8),
                DemoAccounts.PRODUCER.token()).body();
        assertTrue(found.contains("\"" + firstName + " Q.\""), found);
        assertFalse(found.contains("Quietfield"), "the full name is the roster's, for leads: " + found);
    }

    @Test
    void membersWithdrawnDoNotCrowdTheActiveOutOfTheFifty() throws SQLException {
        String region = "Crowdshire " + UUID.randomUUID();
        try (Connection db = PlatformDatabase.connect();
             PreparedStatement member = db.prepareStatement("INSERT INTO members (id, email, full_name, keycloak_user_id, state, vetted_at,"
                     + " display_name, region) VALUES (?, ?, ?, ?, 'REVOKED', now(), ?, ?)");
             PreparedStatement skill = db.prepareStatement("INSERT INTO member_skills (member_id, skill) VALUES (?, 'CAMERA')")) {
            for (int i = 0; i < 50; i++) {
                UUID id = UUID.randomUUID();
                member.setObject(1, id);
                member.setString(2, "revoked-" + id + "@example.org");
                member.setString(3, "Aaron Revoked " + i);
                member.setString(4, "revoked-account-" + id);
                member.setString(5, "Aa " + id);
                member.setString(6, region);
                member.executeUpdate();
                skill.setObject(1, id);
                skill.executeUpdate();
            }
        }
        VettedMember active = VettedMember.vetted("Zed Active");
        String shown = "Zz " + region.substring(region.length() - 8);
        assertEquals(200, send("PUT", "/api/profile", active.token(), JSON, "{\"displayName\": \"" + shown + "\", \"region\": \"" + region
                + "\", \"skills\": [\"CAMERA\"], \"portfolioLinks\": []}").statusCode());

        JsonArray candidates = (JsonArray) ApiClient.json(get("/api/crew-candidates?skill=CAMERA&region="
                + URLEncoder.encode(region, StandardCharsets.UTF_8), DemoAccounts.PRODUCER.token()));
        assertEquals(1, candidates.size(), "fifty revoked members sort first, and only the active one is offered: " + candidates);
        assertEquals(shown, candidates.getJsonObject(0).getString("displayName"));
    }

    @Test
    void theLeadsBoardFiltersByTheProducersRegion() {
        VettedMember owner = VettedMember.vetted("Reg Ional");
        String region = "Fenland " + UUID.randomUUID();
        send("PUT", "/api/profile", owner.token(), JSON,
                "{\"region\": \"" + region + "\", \"skills\": [], \"portfolioLinks\": []}");
        String pitch = object(send("POST", "/api/pitches", owner.token(), JSON, "{\"title\": \"Local\"}")).getString("id");
        String lead = DemoAccounts.LEAD.token();

        assertTrue(get("/api/pitches?region=" + URLEncoder.encode(region.toLowerCase(), StandardCharsets.UTF_8), lead).body()
                .contains(pitch));
        assertFalse(get("/api/pitches?region=Elsewhere", lead).body().contains(pitch));
    }

    @Test
    void onlyTheOwnerOrALeadInvitesAndOnlyActiveMembers() {
        VettedMember owner = VettedMember.vetted("Ona Owner");
        String pitch = object(send("POST", "/api/pitches", owner.token(), JSON, "{\"title\": \"Closed\"}")).getString("id");

        String stranger = VettedMember.vetted("Sol Stranger").token();
        assertEquals(404, send("POST", "/api/pitches/" + pitch + "/crew", stranger, JSON,
                "{\"memberId\": \"" + UUID.randomUUID() + "\"}").statusCode());
        assertEquals(404, get("/api/pitches/" + pitch + "/crew", stranger).statusCode());

        HttpResponseField unknown = new HttpResponseField(send("POST", "/api/pitches/" + pitch + "/crew",
                DemoAccounts.LEAD.token(), JSON, "{\"memberId\": \"" + UUID.randomUUID() + "\"}"));
        assertEquals(400, unknown.status());
        assertEquals("memberId", unknown.field());
        assertEquals(403, get("/api/crew-candidates?skill=CAMERA", DemoAccounts.NEWCOMER.token()).statusCode());
    }

    private record HttpResponseField(int status, String field) {
        HttpResponseField(java.net.http.HttpResponse<String> response) {
            this(response.statusCode(), response.statusCode() == 400
                    ? object(response).getJsonArray("errors").getJsonObject(0).getString("field") : null);
        }
    }
}
