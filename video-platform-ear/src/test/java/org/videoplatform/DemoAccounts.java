package org.videoplatform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tokens from the real Keycloak for the demo accounts of deploy/keycloak/video-platform-realm.json,
 * through its test-only password-grant clients.
 */
public enum DemoAccounts {
    PRODUCER("producer", "demo-producer"),
    LEAD("lead", "demo-lead"),
    ADMIN("admin", "demo-admin"),
    NEWCOMER("newcomer", "demo-newcomer");

    public static final String TEST_CLIENT = "video-platform-tests";
    public static final String SHORT_LIVED_TEST_CLIENT = "video-platform-tests-short-lived";
    /** Keycloak's own command-line client: its tokens are not addressed to the platform's backend. */
    public static final String FOREIGN_CLIENT = "admin-cli";

    public final String username;
    public final String password;

    DemoAccounts(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** Tokens still good for a while, per account: see {@link #token()}. */
    private static final Map<DemoAccounts, String> CURRENT = new ConcurrentHashMap<>();
    private static final long SPARE_SECONDS = 60;

    /**
     * A token of the test client, reused while it has a minute left. Keycloak 26's brute-force
     * protection has been seen to lock an account out after many quick successful logins
     * (keycloak/keycloak#36495), and the suites sign the demo accounts in hundreds of times.
     */
    public String token() {
        return CURRENT.compute(this, (account, held) -> held != null
                && claims(held).getJsonNumber("exp").longValue() - SPARE_SECONDS > Instant.now().getEpochSecond() ? held : tokenFrom(TEST_CLIENT));
    }

    public String tokenFrom(String clientId) {
        return requestToken(Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password, "scope", "openid"), username);
    }

    /** The confidential backend client's own token, as the member provisioning will obtain it. */
    public static String backendServiceAccountToken() {
        return requestToken(Map.of("grant_type", "client_credentials", "client_id", "video-platform-api",
                "client_secret", System.getProperty("vp.it.backend-secret", "local-backend-secret-change-me")), "the backend");
    }

    /** A token for any account of the realm, as a member who has set their password would get one. */
    public static String tokenFor(String username, String password) {
        return requestToken(Map.of("grant_type", "password", "client_id", TEST_CLIENT, "username", username,
                "password", password, "scope", "openid"), username);
    }

    private static String requestToken(Map<String, String> grant, String who) {
        String form = grant.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = ApiClient.send(HttpRequest.newBuilder(URI.create(
                        System.getProperty("vp.it.keycloak-url") + "/realms/video-platform/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + who + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    /** The token's claims, read without checking the signature: the server under test checks it. */
    public static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }
}
