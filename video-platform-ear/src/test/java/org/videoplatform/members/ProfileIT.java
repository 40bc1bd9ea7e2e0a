package org.videoplatform.members;

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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformEar;

/** Members describe themselves; leads find them by skill and region. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProfileIT {

    private static final String JSON = "application/json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    private static String profile(String displayName, String region, String... skills) {
        var skillArray = Json.createArrayBuilder();
        for (String skill : skills) {
            skillArray.add(skill);
        }
        return Json.createObjectBuilder().add("displayName", displayName).add("region", region)
                .add("skills", skillArray).add("availability", "weekends")
                .add("portfolioLinks", Json.createArrayBuilder().add("Https://example.org/reel")).build().toString();
    }

    @Test
    void memberDescribesThemselvesAndLeadsFindThemBySkillAndRegion() {
        String firstName = unique("Kit").replace(" ", "");
        VettedMember member = VettedMember.vetted(firstName + " Member");
        String region = "Region " + UUID.randomUUID();
        String shown = unique("Kit");
        JsonObject before = object(get("/api/profile", member.token()));
        assertEquals(firstName + " M.", before.getString("displayName"));
        assertFalse(before.getBoolean("displayNameChosen"), "the first name and initial were not chosen: they follow the roster");

        HttpResponse<String> saved = send("PUT", "/api/profile", member.token(), JSON, profile(shown, region, "CAMERA", "SOUND"));
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(shown, object(saved).getString("displayName"));
        assertTrue(object(saved).getBoolean("displayNameChosen"));
        assertEquals(shown, object(get("/api/profile", member.token())).getString("displayName"));
        assertEquals("https://example.org/reel", object(saved).getJsonArray("portfolioLinks").getString(0), "as a phone capitalised it, taken");

        String lead = DemoAccounts.LEAD.token();
        String inRegion = "/api/members?region=" + URLEncoder.encode(region.toLowerCase(), StandardCharsets.UTF_8);
        JsonArray camera = (JsonArray) ApiClient.json(get(inRegion + "&skill=CAMERA", lead));
        assertEquals(1, camera.size(), camera.toString());
        assertEquals(member.memberId(), camera.getJsonObject(0).getString("id"));
        assertEquals(0, ((JsonArray) ApiClient.json(get(inRegion + "&skill=ANIMATION", lead))).size());
    }

    @Test
    void leadsFindMembersByNameAndRegionWhetherOrNotTheyTypeTheAccents() {
        String surname = unique("Núñez").replace(" ", "");
        VettedMember member = VettedMember.vetted("Zoë " + surname);
        String region = "Île-de-France " + UUID.randomUUID();
        assertEquals(200, send("PUT", "/api/profile", member.token(), JSON, profile(unique("Zoë"), region, "CAMERA")).statusCode());
        String lead = DemoAccounts.LEAD.token();

        String plainSurname = surname.replace("ú", "u").replace("ñ", "n");
        for (String query : new String[] {"q=" + encoded(plainSurname), "q=" + encoded("zoe " + plainSurname),
                "q=" + encoded(surname.toUpperCase()), "region=" + encoded(region.replace("Î", "I").toLowerCase())}) {
            JsonArray found = (JsonArray) ApiClient.json(get("/api/members?" + query, lead));
            assertEquals(1, found.size(), query + " finds her: " + found);
            assertEquals(member.memberId(), found.getJsonObject(0).getString("id"));
        }
    }

    @Test
    void aPortfolioLinkMustBeAWebAddressAndTheFieldIsNamed() {
        VettedMember member = VettedMember.vetted("Lin Member");
        String body = Json.createObjectBuilder().add("skills", Json.createArrayBuilder())
                .add("portfolioLinks", Json.createArrayBuilder().add("javascript:alert(1)")).build().toString();

        HttpResponse<String> response = send("PUT", "/api/profile", member.token(), JSON, body);

        assertEquals(400, response.statusCode());
        assertEquals("portfolioLinks[0]", object(response).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aDisplayNameCannotPassForALeadOrForAMessage() {
        VettedMember member = VettedMember.vetted("Ivo Member");
        for (String name : List.of(" lee   LEAD ", "Lee Lead.", "the real Lee Lead (lead)", "Léé Lead", "lead",
                "Ivo: approved for “Bus fares” v2")) {
            HttpResponse<String> refused = send("PUT", "/api/profile", member.token(), JSON, named(name));
            assertEquals(400, refused.statusCode(), name);
            assertEquals("displayName", object(refused).getJsonArray("errors").getJsonObject(0).getString("field"), refused.body());
            assertTrue(name.startsWith("Ivo") || refused.body().contains("leads or admins"), refused.body());
        }
        HttpResponse<String> own = send("PUT", "/api/profile", member.token(), JSON, named(unique("Ivo") + " (camera)"));
        assertEquals(200, own.statusCode(), own.body());
        HttpResponse<String> aWordOfAUsername = send("PUT", "/api/profile", member.token(), JSON, named(unique("Lead singer")));
        assertEquals(200, aWordOfAUsername.statusCode(), "the demo lead's username is lead: " + aWordOfAUsername.body());
    }

    @Test
    void aNameMayNotMixAlphabetsInOneWord() {
        VettedMember member = VettedMember.vetted("Ivo Lookalike");
        // "Lee Lead" with a Cyrillic "е": it reads as the demo lead's name and is not found by it.
        HttpResponse<String> refused = send("PUT", "/api/profile", member.token(), JSON, named("Lee L\u0435ad"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("displayName", object(refused).getJsonArray("errors").getJsonObject(0).getString("field"), refused.body());
        assertTrue(refused.body().contains("alphabets"), refused.body());

        HttpResponse<String> wordsInTwoAlphabets = send("PUT", "/api/profile", member.token(), JSON, named(unique("Ivo Петров")));
        assertEquals(200, wordsInTwoAlphabets.statusCode(), wordsInTwoAlphabets.body());
    }

    @Test
    void aDisplayNameCannotBeOneAnotherMemberGoesBy() {
        String firstName = unique("Uma").replace(" ", "");
        VettedMember first = VettedMember.vetted(firstName + " Original");
        VettedMember second = VettedMember.vetted(firstName + " Second");

        HttpResponse<String> sameAsShown = send("PUT", "/api/profile", second.token(), JSON, named(" " + firstName.toUpperCase() + "   o. "));
        assertEquals(400, sameAsShown.statusCode(), "the first goes by '" + firstName + " O.' without ever choosing it");
        assertEquals("displayName", object(sameAsShown).getJsonArray("errors").getJsonObject(0).getString("field"), sameAsShown.body());

        String chosen = unique("Uma");
        assertEquals(200, send("PUT", "/api/profile", first.token(), JSON, named(chosen)).statusCode());
        assertEquals(400, send("PUT", "/api/profile", second.token(), JSON, named(chosen.toLowerCase())).statusCode());
        assertEquals(400, send("PUT", "/api/profile", second.token(), JSON, named(chosen.replace("U", "Ú"))).statusCode(),
                "an accent does not make it another name");
        assertEquals(200, send("PUT", "/api/profile", first.token(), JSON, named(chosen.toLowerCase())).statusCode(),
                "a member may change the case of their own name");
        assertEquals(200, send("PUT", "/api/profile", second.token(), JSON, named(firstName + " O.")).statusCode(),
                "the first no longer goes by their initial");
        JsonObject cleared = object(send("PUT", "/api/profile", first.token(), JSON, named("")));
        assertEquals(firstName + " O. 2", cleared.getString("displayName"),
                "clearing their name falls back to the initial, which the second now goes by: numbered");
        assertFalse(cleared.getBoolean("displayNameChosen"));
    }

    @Test
    void aNameCannotPassForALeadWhoseNameHasAccentsOrHyphens() {
        // Letters only: Keycloak's account names keep no digits.
        String surname = "Lëad" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        VettedMember lead = VettedMember.vetted("José-Ángel " + surname);
        KeycloakAdmin.grantRealmRole(lead.accountId(), "video-lead");
        VettedMember member = VettedMember.vetted("Ivo Imitator");

        for (String name : List.of("José-Ángel " + surname, "the real José-Ángel " + surname + " (lead)")) {
            HttpResponse<String> refused = send("PUT", "/api/profile", member.token(), JSON, named(name));
            assertEquals(400, refused.statusCode(), name);
            assertTrue(refused.body().contains("leads or admins"), refused.body());
        }
    }

    @Test
    void aNewMemberWhoseFirstNameAndInitialAreTakenGoesByThemNumbered() {
        String firstName = unique("Ada").replace(" ", "");
        VettedMember first = VettedMember.vetted(firstName + " Archer");
        VettedMember second = VettedMember.vetted(firstName + " Adams");
        VettedMember third = VettedMember.vetted(firstName + " Amin");

        assertEquals(firstName + " A.", object(get("/api/profile", first.token())).getString("displayName"));
        assertEquals(firstName + " A. 3", object(get("/api/profile", third.token())).getString("displayName"));
        JsonObject numbered = object(get("/api/profile", second.token()));
        assertEquals(firstName + " A. 2", numbered.getString("displayName"));
        assertFalse(numbered.getBoolean("displayNameChosen"), "the number is the platform's: the profile's name box stays empty");

        JsonObject savedEmpty = object(send("PUT", "/api/profile", second.token(), JSON, named("")));
        assertEquals(firstName + " A. 2", savedEmpty.getString("displayName"), "saving the empty box keeps the number");
        String chosen = unique("Ada");
        assertEquals(chosen, object(send("PUT", "/api/profile", second.token(), JSON, named(chosen))).getString("displayName"));
        assertEquals(firstName + " A. 2", object(send("PUT", "/api/profile", second.token(), JSON, named(""))).getString("displayName"),
                "clearing a chosen name goes back to the first free number");
    }

    @Test
    void twoMembersChoosingOneNameAtOnceCannotBothHaveIt() {
        String firstName = unique("Bo").replace(" ", "");
        String one = VettedMember.vetted(firstName + " One").token();
        String other = VettedMember.vetted(firstName + " Other").token();
        // A few rounds: a pair of requests does not always overlap on the server.
        for (int round = 0; round < 3; round++) {
            String chosen = unique("Bo");
            List<HttpResponse<String>> answers = ApiClient.bothAtOnce(() -> send("PUT", "/api/profile", one, JSON, named(chosen)),
                    () -> send("PUT", "/api/profile", other, JSON, named(chosen)));

            assertEquals(List.of(200, 400), answers.stream().map(HttpResponse::statusCode).toList(), answers.get(1).body());
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A name no earlier run against the same database has taken. */
    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String named(String displayName) {
        return Json.createObjectBuilder().add("displayName", displayName).add("skills", Json.createArrayBuilder())
                .add("portfolioLinks", Json.createArrayBuilder()).build().toString();
    }

    @Test
    void unknownSkillIsRefused() {
        VettedMember member = VettedMember.vetted("Mo Member");

        HttpResponse<String> response = send("PUT", "/api/profile", member.token(), JSON, profile("Mo", "North", "JUGGLING"));

        assertEquals(400, response.statusCode());
        assertTrue(contentType(response).startsWith("application/problem+json"));
    }

    @Test
    void someoneWithoutAMemberRecordIsToldWhy() {
        HttpResponse<String> response = get("/api/profile", DemoAccounts.PRODUCER.token());

        assertEquals(404, response.statusCode());
        assertTrue(object(response).getString("detail").contains("vetted at a workshop"), response.body());
    }

    @Test
    void onlyProducersHaveProfilesAndOnlyLeadsBrowseTheDirectory() {
        assertEquals(403, send("PUT", "/api/profile", DemoAccounts.LEAD.token(), JSON, profile("L", "x")).statusCode());
        assertEquals(403, get("/api/members", DemoAccounts.PRODUCER.token()).statusCode());
        JsonObject me = object(get("/api/me", DemoAccounts.NEWCOMER.token()));
        assertEquals(0, me.getJsonArray("roles").size());
        assertEquals(403, get("/api/profile", DemoAccounts.NEWCOMER.token()).statusCode());
    }
}
