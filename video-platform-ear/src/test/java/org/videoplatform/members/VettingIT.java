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
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformDatabase;
import org.videoplatform.PlatformEar;

/** Checking attendees against the roster and vetting them, with accounts opened in the real Keycloak. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VettingIT {

    private static final String JSON = "application/json";

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String number = "V" + unique.toUpperCase();
    private final String email = "amira." + unique + "@example.org";
    /** A surname of this test only: the roster is shared by every test of the run. */
    private final String surname = "Khan" + unique.chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
            .collect(java.util.stream.Collectors.joining());
    private final String amiraKhan = "Amira " + surname;
    private String lead;
    private String workshop;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeEach
    void aWorkshopAndARoster() {
        lead = DemoAccounts.LEAD.token();
        String roster = "membership number,full name,email,postcode,status\r\n"
                + number + "," + amiraKhan + "," + email + ",LS1 4DY,active\r\n"
                + number + "L,Lapsed Lou " + surname + ",lou." + unique + "@example.org,,lapsed\r\n";
        assertEquals(200, send("POST", "/api/roster/imports", DemoAccounts.ADMIN.token(), "text/csv", roster).statusCode());
        workshop = newWorkshop();
    }

    /** A workshop a person comes to again: one person is registered once at each. */
    private String newWorkshop() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        String body = Json.createObjectBuilder().add("title", "Vetting day").add("venue", "Hall").add("city", "Leeds")
                .add("startsAt", start.toString()).add("endsAt", start.plusHours(4).toString()).add("capacity", 10)
                .build().toString();
        return object(send("POST", "/api/workshops", lead, JSON, body)).getString("id");
    }

    private String checkedIn(String name, String attendeeEmail) {
        String body = Json.createObjectBuilder().add("fullName", name).add("email", attendeeEmail).build().toString();
        String id = object(send("POST", "/api/workshops/" + workshop + "/attendees", lead, JSON, body)).getString("id");
        assertEquals(200, send("POST", "/api/workshops/" + workshop + "/attendees/" + id + "/check-in", lead, null, null).statusCode());
        return id;
    }

    private String path(String attendee) {
        return "/api/workshops/" + workshop + "/attendees/" + attendee + "/vetting";
    }

    private JsonObject check(String attendee) {
        HttpResponse<String> response = get(path(attendee), lead);
        assertEquals(200, response.statusCode(), response.body());
        return object(response);
    }

    private static List<String> warningKinds(JsonObject check) {
        return check.getJsonArray("warnings").getValuesAs(JsonObject.class).stream().map(w -> w.getString("kind")).toList();
    }

    private HttpResponse<String> decide(String attendee, String decision) {
        return send("POST", path(attendee), lead, JSON, decision);
    }

    private JsonObject vet(String attendee) {
        HttpResponse<String> response = decide(attendee, "{\"outcome\": \"VETTED\"}");
        assertEquals(200, response.statusCode(), response.body());
        return object(response);
    }

    @Test
    void checkFindsTheRosterEntryByEmailWhateverTheNameLooksLike() {
        JsonObject check = check(checkedIn(surname + ", A.", email));

        JsonArray matches = check.getJsonArray("matches");
        assertEquals(1, matches.size(), check.toString());
        assertEquals(number, matches.getJsonObject(0).getJsonObject("entry").getString("membershipNumber"));
        assertEquals("EMAIL", matches.getJsonObject(0).getString("matchedBy"));
        assertEquals(List.of(), warningKinds(check));
    }

    @Test
    void checkFindsTheRosterEntryByNameAndPostcodeAndWarnsOfALapsedMember() {
        String amira = checkedIn(amiraKhan.toUpperCase().replace(" ", "  "), "other." + unique + "@example.org");
        JsonObject byName = object(get(path(amira) + "?postcode=ls1%204dy", lead));
        assertTrue(byName.getJsonArray("matches").getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> m.getString("matchedBy").equals("NAME_AND_POSTCODE")
                        && m.getJsonObject("entry").getString("membershipNumber").equals(number)), byName.toString());
        JsonObject unspaced = object(get(path(amira) + "?postcode=ls14dy", lead));
        assertTrue(unspaced.getJsonArray("matches").getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> m.getString("matchedBy").equals("NAME_AND_POSTCODE")), "written without its space: " + unspaced);

        JsonObject lou = check(checkedIn("Lou Lapsed " + surname, "lou." + unique + "@example.org"));
        assertTrue(warningKinds(lou).contains("NOT_IN_GOOD_STANDING"), lou.toString());
    }

    /** Every word of this name has a letter the database once folded wrongly (ñ to c, ř to y), which found nobody. */
    @Test
    void checkFindsTheRosterEntryOfANameWrittenWithoutItsAccents() {
        String accented = "Iñaki Dvořák " + surname.toLowerCase();
        String roster = "membership number,full name,email,postcode,status\r\n"
                + number + "A," + accented + ",inaki." + unique + "@example.org,,active\r\n";
        assertEquals(200, send("POST", "/api/roster/imports", DemoAccounts.ADMIN.token(), "text/csv", roster).statusCode());

        JsonObject check = check(checkedIn("Inaki Dvorak " + surname.toLowerCase(), "other." + unique + "@example.org"));

        JsonArray matches = check.getJsonArray("matches");
        assertEquals(1, matches.size(), check.toString());
        assertEquals(number + "A", matches.getJsonObject(0).getJsonObject("entry").getString("membershipNumber"));
        assertEquals("NAME", matches.getJsonObject(0).getString("matchedBy"));
    }

    @Test
    void twoRosterEntriesWithTheSameNameAreBothShownWithAWarning() {
        send("POST", "/api/roster/imports", DemoAccounts.ADMIN.token(), "text/csv",
                "membership number,full name,status\r\n" + number + "B,Amira " + surname + ",active\r\n");

        JsonObject check = check(checkedIn("Amira " + surname, "someone." + unique + "@example.org"));

        assertEquals(2, check.getJsonArray("matches").size(), check.toString());
        assertTrue(warningKinds(check).contains("SEVERAL_ROSTER_MATCHES"), check.toString());
    }

    @Test
    void someoneNotOnTheRosterIsFlagged() {
        JsonObject check = check(checkedIn("Nobody Known" + surname, "nobody." + unique + "@example.org"));

        assertEquals(0, check.getJsonArray("matches").size());
        assertEquals(List.of("NOT_ON_ROSTER"), warningKinds(check));
    }

    @Test
    void vettingOpensAProducerAccountThatSignsInOnceItsOwnerHasSetAPassword() {
        JsonObject result = vet(checkedIn(amiraKhan, email));

        assertEquals(email, result.getString("username"));
        assertFalse(result.getString("temporaryPassword").isBlank());
        List<JsonObject> users = KeycloakAdmin.usersWithEmail(email);
        assertEquals(1, users.size());
        String userId = users.get(0).getString("id");
        assertTrue(users.get(0).getBoolean("enabled"));
        assertEquals(List.of("producer"), KeycloakAdmin.realmRoles(userId), "producer and nothing else");
        assertEquals(List.of("UPDATE_PASSWORD"), KeycloakAdmin.requiredActions(userId));

        KeycloakAdmin.setOwnPassword(userId, "my own long passphrase " + unique);
        String token = DemoAccounts.tokenFor(email, "my own long passphrase " + unique);
        JsonObject me = object(get("/api/me", token));
        assertEquals(List.of("producer"), me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
    }

    @Test
    void vettingLinksTheMemberToTheRosterEntryTheLeadConfirmed() {
        String attendee = checkedIn(amiraKhan, email);
        String entry = check(attendee).getJsonArray("matches").getJsonObject(0).getJsonObject("entry").getString("id");

        HttpResponse<String> vetted = decide(attendee, "{\"outcome\": \"VETTED\", \"rosterEntryId\": \"" + entry + "\"}");
        assertEquals(200, vetted.statusCode(), vetted.body());

        String admin = DemoAccounts.ADMIN.token();
        JsonObject export = object(get("/api/members/" + object(vetted).getString("memberId") + "/export", admin));
        assertEquals(number, export.getJsonObject("rosterEntry").getString("membershipNumber"), export.toString());
    }

    @Test
    void vettingTheSamePersonTwiceKeepsOneAccountAndTheirOwnPassword() {
        String first = vet(checkedIn(amiraKhan, email)).getString("memberId");
        String userId = KeycloakAdmin.usersWithEmail(email).get(0).getString("id");
        KeycloakAdmin.setOwnPassword(userId, "my own long passphrase " + unique);

        workshop = newWorkshop();
        JsonObject again = vet(checkedIn(amiraKhan, email));

        assertEquals(first, again.getString("memberId"));
        assertEquals(1, KeycloakAdmin.usersWithEmail(email).size());
        assertFalse(again.containsKey("temporaryPassword") && !again.isNull("temporaryPassword"),
                "an active member keeps the password they chose: " + again);
        assertEquals(200, get("/api/me", DemoAccounts.tokenFor(email, "my own long passphrase " + unique)).statusCode());
    }

    @Test
    void decliningNeedsAReasonWhichIsAuditedAndShownNextTime() {
        String attendee = checkedIn(amiraKhan, email);

        HttpResponse<String> withoutReason = decide(attendee, "{\"outcome\": \"DECLINED\"}");
        assertEquals(400, withoutReason.statusCode());
        assertEquals("reason", object(withoutReason).getJsonArray("errors").getJsonObject(0).getString("field"));

        HttpResponse<String> declined = decide(attendee, "{\"outcome\": \"DECLINED\", \"reason\": \"not known to the branch\"}");
        assertEquals(200, declined.statusCode(), declined.body());
        assertTrue(KeycloakAdmin.usersWithEmail(email).isEmpty(), "declining opens no account");

        JsonArray trail = (JsonArray) ApiClient.json(get("/api/audit?limit=100", lead));
        assertTrue(trail.getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("action").equals("member.declined")
                && e.getString("subjectId").equals(attendee) && e.getString("reason").equals("not known to the branch")));

        workshop = newWorkshop();
        JsonObject again = check(checkedIn(amiraKhan, email));
        assertTrue(warningKinds(again).contains("PREVIOUSLY_DECLINED"), again.toString());
    }

    @Test
    void someoneDeclinedOrRevokedIsFlaggedUnderANewEmailByTheirRosterEntry() {
        String declinedHere = checkedIn(amiraKhan, email);
        String entry = check(declinedHere).getJsonArray("matches").getJsonObject(0).getJsonObject("entry").getString("id");
        assertEquals(200, decide(declinedHere, "{\"outcome\": \"DECLINED\", \"reason\": \"not known to the branch\","
                + " \"rosterEntryId\": \"" + entry + "\"}").statusCode());

        workshop = newWorkshop();
        String underAnotherEmail = checkedIn(amiraKhan, "a.khan." + unique + "@example.net");
        JsonObject byNameAlone = check(underAnotherEmail);
        assertEquals(entry, byNameAlone.getJsonArray("matches").getJsonObject(0).getJsonObject("entry").getString("id"));
        assertEquals("NAME", byNameAlone.getJsonArray("matches").getJsonObject(0).getString("matchedBy"));
        assertFalse(warningKinds(byNameAlone).contains("PREVIOUSLY_DECLINED"),
                "found by name alone, the entry may be a namesake's, whose past is not theirs to see");
        JsonObject withPostcode = object(get(path(underAnotherEmail) + "?postcode=LS14DY", lead));
        assertEquals(entry, withPostcode.getJsonArray("matches").getJsonObject(0).getJsonObject("entry").getString("id"));
        assertTrue(warningKinds(withPostcode).contains("PREVIOUSLY_DECLINED"), withPostcode.toString());

        String vettedThere = checkedIn(amiraKhan, "amira.k." + unique + "@example.net");
        JsonObject vetted = object(decide(vettedThere, "{\"outcome\": \"VETTED\", \"rosterEntryId\": \"" + entry + "\"}"));
        workshop = newWorkshop();
        String thirdEmail = checkedIn(amiraKhan, "amira.3." + unique + "@example.net");
        assertTrue(warningKinds(object(get(path(thirdEmail) + "?postcode=LS14DY", lead))).contains("ALREADY_A_MEMBER"),
                "a second account for someone who has one");
        assertEquals(200, send("POST", "/api/members/" + vetted.getString("memberId") + "/revocation", lead, JSON,
                "{\"reason\": \"shared a draft outside the campaign\"}").statusCode());
        JsonObject backAgain = object(get(path(thirdEmail) + "?postcode=LS14DY", lead));
        List<JsonObject> revoked = backAgain.getJsonArray("warnings").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("kind").equals("PREVIOUSLY_REVOKED")).toList();
        assertEquals(1, revoked.size(), backAgain.toString());
        assertTrue(revoked.get(0).getString("message").contains("amira.k." + unique + "@example.net"), revoked.get(0).toString());
    }

    @Test
    void aNameOfShortWordsOnlyIsFoundOnTheRoster() {
        assertEquals(200, send("POST", "/api/roster/imports", DemoAccounts.ADMIN.token(), "text/csv",
                "membership number,full name,status\r\n" + number + "LN,Li Na,active\r\n").statusCode());

        JsonObject check = check(checkedIn("LI NA", "li.na." + unique + "@example.org"));

        assertTrue(check.getJsonArray("matches").getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> m.getJsonObject("entry").getString("membershipNumber").equals(number + "LN")), check.toString());
    }

    @Test
    void attendeeMustBeCheckedInBeforeADecision() {
        String body = Json.createObjectBuilder().add("fullName", "Late Comer").add("email", "late." + unique + "@example.org")
                .build().toString();
        String attendee = object(send("POST", "/api/workshops/" + workshop + "/attendees", lead, JSON, body)).getString("id");

        HttpResponse<String> response = decide(attendee, "{\"outcome\": \"VETTED\"}");
        assertEquals(409, response.statusCode());
        assertTrue(object(response).getString("detail").contains("Check Late Comer in"), response.body());
    }

    @Test
    void vettingCannotBeAskedForAnyRoleButProducer() {
        String attendee = checkedIn(amiraKhan, email);

        HttpResponse<String> response = decide(attendee, "{\"outcome\": \"VETTED\", \"role\": \"admin\"}");
        assertEquals(400, response.statusCode());
        assertEquals("role", object(response).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(KeycloakAdmin.usersWithEmail(email).isEmpty());

        vet(attendee);
        String userId = KeycloakAdmin.usersWithEmail(email).get(0).getString("id");
        assertEquals(List.of("producer"), KeycloakAdmin.realmRoles(userId));
    }

    @Test
    void vettingNeverTakesOverAnAccountThePlatformDidNotOpen() {
        String attendee = checkedIn("Lee Lead", "lead@demo.video-platform.invalid");

        HttpResponse<String> response = decide(attendee, "{\"outcome\": \"VETTED\"}");

        assertEquals(409, response.statusCode(), response.body());
        assertTrue(object(response).getString("detail").contains("did not open"), response.body());
        assertFalse(DemoAccounts.LEAD.token().isBlank(), "the lead's own password still works");
    }

    @Test
    void anEmailTheSignInServiceWouldRefuseIsRefusedAtRegistration() {
        // A valid address by the standard for international mail, and by the platform's first check.
        String body = Json.createObjectBuilder().add("fullName", "José Núñez").add("email", "josé." + UUID.randomUUID() + "@example.org")
                .build().toString();

        HttpResponse<String> response = send("POST", "/api/workshops/" + workshop + "/attendees", lead, JSON, body);

        assertEquals(400, response.statusCode(), response.body());
        JsonObject error = object(response).getJsonArray("errors").getJsonObject(0);
        assertEquals("email", error.getString("field"));
        assertTrue(error.getString("message").contains("before the @"), error.toString());
    }

    @Test
    void anAccountTheSignInServiceRefusesIsExplainedNotReportedAsAnOutage() throws SQLException {
        String email = "jose." + UUID.randomUUID() + "@example.org";
        String attendee = checkedIn("José Núñez", email);
        // As an attendee registered before the platform checked addresses the way Keycloak does.
        try (Connection db = PlatformDatabase.connect();
             PreparedStatement accented = db.prepareStatement("UPDATE workshop_attendees SET email = ? WHERE id = ?")) {
            accented.setString(1, email.replace("jose", "josé"));
            accented.setObject(2, UUID.fromString(attendee));
            assertEquals(1, accented.executeUpdate());
        }

        HttpResponse<String> response = decide(attendee, "{\"outcome\": \"VETTED\"}");

        assertEquals(409, response.statusCode(), response.body());
        String detail = object(response).getString("detail");
        assertTrue(detail.contains("Keycloak refused the account") && detail.contains("Register the attendee again"), detail);
        assertEquals(409, decide(attendee, "{\"outcome\": \"VETTED\"}").statusCode(), "nothing was recorded: the same answer again");
    }

    @Test
    void aVettedAttendeeTakesNoSecondDecision() {
        String attendee = checkedIn(amiraKhan, email);
        vet(attendee);

        assertEquals(409, decide(attendee, "{\"outcome\": \"VETTED\"}").statusCode());
        // Two leads at one door: the second one's decline would show "declined" with the account open.
        HttpResponse<String> declined = decide(attendee, "{\"outcome\": \"DECLINED\", \"reason\": \"not known to the branch\"}");
        assertEquals(409, declined.statusCode(), declined.body());
        assertTrue(object(declined).getString("detail").contains("revoke their access on the members page"), declined.body());
        assertEquals(409, decide(attendee, "{\"outcome\": \"FOLLOW_UP\"}").statusCode());
        assertEquals(1, KeycloakAdmin.usersWithEmail(email).size());
        assertTrue(KeycloakAdmin.usersWithEmail(email).get(0).getBoolean("enabled"), "the account stays open, as the records say");
    }

    @Test
    void aDoubleTapOnVetOpensOneAccountAndTellsTheSecondTapItIsDone() {
        String attendee = checkedIn(amiraKhan, email);

        List<HttpResponse<String>> taps = ApiClient.twiceAtOnce(() -> decide(attendee, "{\"outcome\": \"VETTED\"}"));

        assertEquals(200, taps.get(0).statusCode(), taps.get(0).body());
        assertFalse(object(taps.get(0)).getString("temporaryPassword").isBlank());
        assertEquals(409, taps.get(1).statusCode(), taps.get(1).body());
        assertTrue(taps.get(1).body().contains("has already been vetted at this workshop"), taps.get(1).body());
        assertEquals(1, KeycloakAdmin.usersWithEmail(email).size());
    }

    @Test
    void twoLeadsVettingOnePersonAtTwoWorkshopsAtOnceOpenOneAccount() {
        CheckedInAttendee here = CheckedInAttendee.withEmail(amiraKhan, email, lead);
        CheckedInAttendee there = CheckedInAttendee.withEmail(amiraKhan, email, DemoAccounts.ADMIN.token());

        List<HttpResponse<String>> both = ApiClient.bothAtOnce(() -> here.vet(lead), () -> there.vet(DemoAccounts.ADMIN.token()));

        assertEquals(200, both.get(0).statusCode(), both.get(0).body());
        assertEquals(200, both.get(1).statusCode(), both.get(1).body());
        assertEquals(1, both.stream().filter(vetted -> object(vetted).containsKey("temporaryPassword")).count(),
                "one opened the account, the other found it open");
        assertEquals(1, KeycloakAdmin.usersWithEmail(email).size());
    }

    @Test
    void producersCannotCheckOrVetAnyone() {
        String attendee = checkedIn(amiraKhan, email);
        String producer = DemoAccounts.PRODUCER.token();

        assertEquals(403, get(path(attendee), producer).statusCode());
        assertEquals(403, send("POST", path(attendee), producer, JSON, "{\"outcome\": \"VETTED\"}").statusCode());
        assertTrue(KeycloakAdmin.usersWithEmail(email).isEmpty());
    }
}
