package org.videoplatform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Looks at the realm from outside, through Keycloak's admin REST API, as the backend's service account. */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    /** Keycloak hung until closed. Tokens already issued stay good: the API checks them itself. */
    public static Hung hang() {
        return Hung.service("vp.it.keycloak-pid-file");
    }

    private static HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        System.getProperty("vp.it.keycloak-url") + "/admin/realms/video-platform" + path))
                .header("Authorization", "Bearer " + DemoAccounts.backendServiceAccountToken());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return ApiClient.send(request.build());
    }

    public static List<JsonObject> usersWithEmail(String email) {
        HttpResponse<String> response = call("GET", "/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null);
        return Json.createReader(new StringReader(response.body())).readArray().getValuesAs(JsonObject.class);
    }

    /** Ends every sign-in of the account, as an admin does from Keycloak's console: no token can be refreshed after. */
    public static void endSessions(String username) {
        String id = Json.createReader(new StringReader(call("GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8),
                null).body())).readArray().getJsonObject(0).getString("id");
        HttpResponse<String> response = call("POST", "/users/" + id + "/logout", null);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not end the sessions: " + response.body());
        }
    }

    public static JsonObject user(String id) {
        return Json.createReader(new StringReader(call("GET", "/users/" + id, null).body())).readObject();
    }

    /** The realm roles given to the user directly, without the defaults every account gets. */
    public static List<String> realmRoles(String userId) {
        JsonArray roles = Json.createReader(new StringReader(call("GET", "/users/" + userId + "/role-mappings/realm", null).body()))
                .readArray();
        return roles.getValuesAs(JsonObject.class).stream()
                .map(role -> role.getString("name"))
                .filter(name -> !name.startsWith("default-roles-"))
                .sorted()
                .toList();
    }

    /** What the person does at first sign-in: replace the temporary password with their own. */
    public static void setOwnPassword(String userId, String password) {
        String credential = Json.createObjectBuilder().add("type", "password").add("value", password).add("temporary", false)
                .build().toString();
        HttpResponse<String> response = call("PUT", "/users/" + userId + "/reset-password", credential);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused the password: " + response.body());
        }
    }

    /** Gives an account a further realm role, as an admin would in Keycloak's console. */
    public static void grantRealmRole(String userId, String role) {
        // Read from the roles the account may still be given: the service account may manage users, not read the realm.
        JsonObject representation = Json.createReader(new StringReader(call("GET", "/users/" + userId + "/role-mappings/realm/available", null)
                        .body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(available -> available.getString("name").equals(role)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The account cannot be given " + role));
        HttpResponse<String> response = call("POST", "/users/" + userId + "/role-mappings/realm",
                Json.createArrayBuilder().add(representation).build().toString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused the role " + role + ": " + response.body());
        }
    }

    public static List<String> requiredActions(String userId) {
        return user(userId).getJsonArray("requiredActions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }
}
