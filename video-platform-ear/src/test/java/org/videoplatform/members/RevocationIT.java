package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.contentType;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.Hung;
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.MediaClient;

/** Cutting a member off: the very next request with a still-valid token is refused. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RevocationIT {

    private static final String JSON = "application/json";

    private String lead;
    private String memberId;
    private String email;
    private String password;
    private String accountId;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeEach
    void aVettedMemberWhoHasSignedIn() {
        lead = DemoAccounts.LEAD.token();
        VettedMember member = VettedMember.vetted("Rae Member");
        memberId = member.memberId();
        email = member.email();
        password = member.password();
        accountId = member.accountId();
    }

    private HttpResponse<String> withdraw(String how, String token, String reason) {
        return send("POST", "/api/members/" + memberId + "/" + how, token, JSON,
                reason == null ? "{}" : Json.createObjectBuilder().add("reason", reason).build().toString());
    }

    @Test
    void aRevokedMembersOpenStreamOfUploadsEnds() throws Exception {
        String token = DemoAccounts.tokenFor(email, password);
        String production = MediaClient.platform().production(token, "Streamed " + System.nanoTime());
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(ApiClient.request("/api/productions/" + production + "/media/events",
                token).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try (InputStream events = stream.body()) {
                events.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertEquals(200, withdraw("revocation", lead, "left the campaign").statusCode());

        // The stream would otherwise run for ten minutes; the server looks every second.
        ended.get(30, TimeUnit.SECONDS);
    }

    @Test
    void revokedMemberIsRefusedAtOnceThoughTheirTokenHasNotExpired() {
        String token = DemoAccounts.tokenFor(email, password);
        assertEquals(200, get("/api/me", token).statusCode());

        HttpResponse<String> revoked = withdraw("revocation", lead, "shared a draft outside the campaign");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals("REVOKED", object(revoked).getString("state"));

        long expiry = DemoAccounts.claims(token).getJsonNumber("exp").longValue();
        assertTrue(expiry > OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond(), "the token is still valid by its own clock");
        HttpResponse<String> refused = get("/api/me", token);
        assertEquals(403, refused.statusCode());
        assertTrue(contentType(refused).startsWith("application/problem+json"));
        assertTrue(object(refused).getString("detail").contains("withdrawn"));

        assertFalse(KeycloakAdmin.user(accountId).getBoolean("enabled"), "Keycloak account disabled");
        assertThrows(IllegalStateException.class, () -> DemoAccounts.tokenFor(email, password), "no new tokens");
    }

    /**
     * Revocation is the platform's to record: the API refuses the member from the moment it is
     * recorded, before the lead's request has waited out Keycloak, and while Keycloak does not
     * answer; their account there is closed once it does.
     */
    @Test
    void revocationHoldsWhileKeycloakDoesNotAnswerAndTheAccountClosesWhenItDoes() throws Exception {
        String token = DemoAccounts.tokenFor(email, password);

        HttpResponse<String> revoked;
        try (Hung hung = KeycloakAdmin.hang()) {
            CompletableFuture<HttpResponse<String>> revoking = CompletableFuture.supplyAsync(
                    () -> withdraw("revocation", lead, "shared a draft outside the campaign"));
            while (!revoking.isDone() && get("/api/me", token).statusCode() == 200) {
                Thread.sleep(100); // the interval between polls
            }
            assertFalse(revoking.isDone(), "refused while the revocation still waits on Keycloak");
            assertEquals(403, get("/api/me", token).statusCode(), "refused while Keycloak is still away");
            revoked = revoking.get(60, TimeUnit.SECONDS);
        }

        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals("REVOKED", object(revoked).getString("state"));
        assertFalse(object(revoked).getBoolean("accountInStep"), revoked.body());
        assertTrue(KeycloakAdmin.user(accountId).getBoolean("enabled"), "Keycloak was not told yet");

        // Every node's sweep retries every 20 s; a sweep that began while Keycloak was stopped waits out its timeout first.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (KeycloakAdmin.user(accountId).getBoolean("enabled") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500); // the interval between polls
        }
        assertFalse(KeycloakAdmin.user(accountId).getBoolean("enabled"), "closed by the sweep");
        assertThrows(IllegalStateException.class, () -> DemoAccounts.tokenFor(email, password), "no new tokens");
        JsonObject shown = ((JsonArray) ApiClient.json(get("/api/members?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8), lead)))
                .getJsonObject(0);
        assertTrue(shown.getBoolean("accountInStep"), shown.toString());
        assertEquals(1, ((JsonArray) ApiClient.json(get("/api/audit?limit=100", lead))).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("member.revoked") && e.getString("subjectId").equals(memberId)).count(),
                "one revocation in the trail");
    }

    @Test
    void suspendedMemberIsRefusedAndComesBackWhenReinstated() {
        String tokenBefore = DemoAccounts.tokenFor(email, password);
        assertEquals(200, withdraw("suspension", lead, "pending a conversation").statusCode());
        assertEquals(403, get("/api/me", tokenBefore).statusCode());

        HttpResponse<String> reinstated = withdraw("reinstatement", lead, "talked it through");
        assertEquals(200, reinstated.statusCode(), reinstated.body());
        assertEquals("ACTIVE", object(reinstated).getString("state"));
        assertEquals(200, get("/api/me", DemoAccounts.tokenFor(email, password)).statusCode());
    }

    @Test
    void everyChangeOfAccessNeedsAReasonAndIsAudited() {
        HttpResponse<String> withoutReason = withdraw("revocation", lead, null);
        assertEquals(400, withoutReason.statusCode());
        assertEquals("reason", object(withoutReason).getJsonArray("errors").getJsonObject(0).getString("field"));

        withdraw("suspension", lead, "pending a conversation");
        JsonArray trail = (JsonArray) ApiClient.json(get("/api/audit?limit=100", lead));
        assertTrue(trail.getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("action").equals("member.suspended")
                && e.getString("subjectId").equals(memberId) && e.getString("reason").equals("pending a conversation")
                && e.getString("subjectName").equals("Rae Member")), "the entry names who it is about: " + trail);
    }

    @Test
    void theTrailIsReadPageByPageOlderAndOlder() {
        withdraw("suspension", lead, "pending a conversation");
        withdraw("reinstatement", lead, "talked it through");
        JsonObject newest = ((JsonArray) ApiClient.json(get("/api/audit?limit=1", lead))).getJsonObject(0);
        assertEquals("member.reinstated", newest.getString("action"));

        JsonArray next = (JsonArray) ApiClient.json(get("/api/audit?limit=1&after=" + newest.getString("id"), lead));
        assertEquals("member.suspended", next.getJsonObject(0).getString("action"), next.toString());

        for (String nonsense : List.of("yesterday", UUID.randomUUID().toString())) {
            HttpResponse<String> refused = get("/api/audit?after=" + nonsense, lead);
            assertEquals(400, refused.statusCode(), nonsense);
            assertEquals("after", object(refused).getJsonArray("errors").getJsonObject(0).getString("field"));
        }
    }

    @Test
    void revokingTwiceIsAConflict() {
        withdraw("revocation", lead, "first time");
        HttpResponse<String> again = withdraw("revocation", lead, "second time");

        assertEquals(409, again.statusCode());
        assertTrue(object(again).getString("detail").contains("revoked"), again.body());
    }

    @Test
    void producersCannotCutAnyoneOff() {
        HttpResponse<String> response = withdraw("revocation", DemoAccounts.PRODUCER.token(), "I do not like them");

        assertEquals(403, response.statusCode());
        assertEquals(200, get("/api/me", DemoAccounts.tokenFor(email, password)).statusCode());
    }
}
