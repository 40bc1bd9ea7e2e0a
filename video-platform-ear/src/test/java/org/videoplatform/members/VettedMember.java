package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.videoplatform.DemoAccounts;
import org.videoplatform.KeycloakAdmin;

/**
 * A member vetted at a workshop, through the API as a lead does it, who has then set their own
 * password as they would at first sign-in.
 */
public record VettedMember(String memberId, String accountId, String email, String password) {

    private static final String JSON = "application/json";

    public static VettedMember vetted(String fullName) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "member." + unique + "@example.org";
        String lead = DemoAccounts.LEAD.token();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        String workshop = object(send("POST", "/api/workshops", lead, JSON, Json.createObjectBuilder()
                .add("title", "Workshop " + unique).add("venue", "Hall").add("city", "York").add("capacity", 5)
                .add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString()).build().toString())).getString("id");
        String attendees = "/api/workshops/" + workshop + "/attendees";
        String attendee = object(send("POST", attendees, lead, JSON,
                Json.createObjectBuilder().add("fullName", fullName).add("email", email).build().toString())).getString("id");
        send("POST", attendees + "/" + attendee + "/check-in", lead, null, null);
        HttpResponse<String> vetted = send("POST", attendees + "/" + attendee + "/vetting", lead, JSON, "{\"outcome\": \"VETTED\"}");
        assertEquals(200, vetted.statusCode(), vetted.body());
        String accountId = KeycloakAdmin.usersWithEmail(email).get(0).getString("id");
        String password = "a passphrase of their own " + unique;
        KeycloakAdmin.setOwnPassword(accountId, password);
        return new VettedMember(object(vetted).getString("memberId"), accountId, email, password);
    }

    public String token() {
        return DemoAccounts.tokenFor(email, password);
    }
}
