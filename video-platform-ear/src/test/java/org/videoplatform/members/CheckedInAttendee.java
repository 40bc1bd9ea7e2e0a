package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Someone with a fresh email at a fresh workshop, registered and checked in by a lead through the
 * API, waiting for the lead's decision.
 *
 * @param attendees the workshop's attendees, {@code /api/workshops/ID/attendees}
 */
public record CheckedInAttendee(String workshop, String attendee, String attendees, String email) {

    private static final String JSON = "application/json";

    public static CheckedInAttendee named(String fullName, String lead) {
        return withEmail(fullName, "member." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", lead);
    }

    /** The same person at a workshop of their own each time: the email is what tells people apart. */
    public static CheckedInAttendee withEmail(String fullName, String email, String lead) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        String workshop = object(send("POST", "/api/workshops", lead, JSON, Json.createObjectBuilder()
                .add("title", "Workshop " + unique).add("venue", "Hall").add("city", "York").add("capacity", 5)
                .add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString()).build().toString())).getString("id");
        String attendees = "/api/workshops/" + workshop + "/attendees";
        String attendee = object(send("POST", attendees, lead, JSON,
                Json.createObjectBuilder().add("fullName", fullName).add("email", email).build().toString())).getString("id");
        assertEquals(200, send("POST", attendees + "/" + attendee + "/check-in", lead, null, null).statusCode());
        return new CheckedInAttendee(workshop, attendee, attendees, email);
    }

    /** Where the lead records their decision on this attendee. */
    public String vetting() {
        return attendees + "/" + attendee + "/vetting";
    }

    /** The lead vets this attendee; the answer is the decision's result, or the problem. */
    public HttpResponse<String> vet(String lead) {
        return send("POST", vetting(), lead, JSON, "{\"outcome\": \"VETTED\"}");
    }
}
