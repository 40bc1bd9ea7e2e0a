package org.videoplatform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.contentType;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.MediaClient;

/** Who gets in, from outside the server, with tokens from the real Keycloak. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiAccessIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    private static List<String> roles(JsonObject me) {
        return me.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(contentType(response).startsWith("application/problem+json"), contentType(response));
        assertEquals(status, object(response).getInt("status"));
        assertTrue(object(response).getString("detail").length() > 10, "a message a person can read");
    }

    @Test
    void demoProducerSeesTheirIdNameAndRoles() {
        String token = DemoAccounts.PRODUCER.token();

        HttpResponse<String> response = get("/api/me", token);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject me = object(response);
        assertEquals(DemoAccounts.claims(token).getString("sub"), me.getString("id"));
        assertEquals("Pat Producer", me.getString("name"));
        assertEquals("producer", me.getString("username"));
        assertEquals(List.of("producer"), roles(me));
    }

    @Test
    void everyDemoRoleIsReportedAsHeld() {
        assertEquals(List.of("video-lead"), roles(object(get("/api/me", DemoAccounts.LEAD.token()))));
        assertEquals(List.of("admin"), roles(object(get("/api/me", DemoAccounts.ADMIN.token()))));
    }

    @Test
    void signedInPersonWhoIsNotVettedHoldsNoPlatformRole() {
        HttpResponse<String> response = get("/api/me", DemoAccounts.NEWCOMER.token());

        assertEquals(200, response.statusCode());
        assertEquals(List.of(), roles(object(response)));
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        assertProblem(401, get("/api/me", null));
    }

    @Test
    void producerCannotReadTheAuditTrail() {
        assertProblem(403, get("/api/audit", DemoAccounts.PRODUCER.token()));
    }

    @Test
    void personWithoutPlatformRoleCannotReadTheAuditTrail() {
        assertProblem(403, get("/api/audit", DemoAccounts.NEWCOMER.token()));
    }

    @Test
    void leadsAndAdminsReadTheAuditTrail() {
        for (DemoAccounts account : List.of(DemoAccounts.LEAD, DemoAccounts.ADMIN)) {
            HttpResponse<String> response = get("/api/audit?limit=5", account.token());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(org.videoplatform.ApiClient.json(response) instanceof JsonArray);
        }
    }

    @Test
    void tokenWithAlteredClaimsIsUnauthorized() {
        String[] parts = DemoAccounts.PRODUCER.token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String promoted = claims.replace("\"producer\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(promoted.getBytes()) + "." + parts[2];

        assertProblem(401, get("/api/me", forged));
    }

    @Test
    void tokenIssuedForAnotherAudienceIsUnauthorized() {
        String token = DemoAccounts.PRODUCER.tokenFrom(DemoAccounts.FOREIGN_CLIENT);
        JsonObject claims = DemoAccounts.claims(token);
        assertTrue(!claims.containsKey("aud") || !claims.get("aud").toString().contains("video-platform-api"),
                "precondition: this client's tokens are not addressed to the backend");

        assertProblem(401, get("/api/me", token));
    }

    @Test
    void backendServiceAccountMayManageUsersButHoldsNoPlatformRole() {
        JsonObject claims = DemoAccounts.claims(DemoAccounts.backendServiceAccountToken());

        List<String> realmManagement = claims.getJsonObject("resource_access").getJsonObject("realm-management")
                .getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        assertTrue(realmManagement.containsAll(List.of("manage-users", "view-users", "query-users")), realmManagement.toString());
        List<String> realmRoles = claims.getJsonObject("realm_access").getJsonArray("roles")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        assertTrue(realmRoles.stream().noneMatch(List.of("producer", "video-lead", "admin")::contains), realmRoles.toString());
    }

    /** A stream of a production's cuts ends with its token, where it ran ten minutes past it: the page reconnects with a fresh one. */
    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        String production = MediaClient.platform().production(DemoAccounts.PRODUCER.token(), "Streamed " + System.nanoTime());
        String token = DemoAccounts.PRODUCER.tokenFrom(DemoAccounts.SHORT_LIVED_TEST_CLIENT);
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(ApiClient.request("/api/productions/" + production
                + "/media/events", token).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());

        try (InputStream events = stream.body()) {
            CompletableFuture.runAsync(() -> {
                try {
                    events.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void expiredTokenIsUnauthorized() throws InterruptedException {
        String token = DemoAccounts.PRODUCER.tokenFrom(DemoAccounts.SHORT_LIVED_TEST_CLIENT);
        Instant expiry = Instant.ofEpochSecond(DemoAccounts.claims(token).getJsonNumber("exp").longValue());
        assertEquals(200, get("/api/me", token).statusCode(), "accepted while valid");

        // Wait for the token's own expiry time to pass, then for the server to stop accepting it.
        Instant deadline = expiry.plus(Duration.ofSeconds(30));
        HttpResponse<String> response = get("/api/me", token);
        while (response.statusCode() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            response = get("/api/me", token);
        }
        assertTrue(Instant.now().isAfter(expiry), "refused only once expired");
        assertProblem(401, response);
    }
}
