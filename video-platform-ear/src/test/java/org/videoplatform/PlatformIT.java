package org.videoplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.contentType;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged EAR deploys on the provisioned server and everything it depends on answers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void nodeIsReadyWithDatabaseStorageAndFfmpegWithX264() {
        HttpResponse<String> response = get("/api/ready", null);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = object(response);
        assertEquals("UP", health.getString("status"));
        assertTrue(contentType(response).startsWith("application/json"));
        Map<String, JsonObject> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
        for (String name : new String[] {"database", "storage", "media"}) {
            assertTrue(checks.containsKey(name), "readiness covers " + name + ": " + checks.keySet());
            assertTrue(checks.get(name).getBoolean("up"), name + ": " + checks.get(name));
        }
        assertFalse(response.body().contains("details"), "versions and the bucket are not for anyone who asks: " + response.body());

        Map<String, JsonObject> detailed = object(get("/api/ready/details", DemoAccounts.ADMIN.token())).getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(check -> check.getString("name"), check -> check));
        assertEquals(newestMigration(), detailed.get("database").getJsonObject("details").getString("schemaVersion"),
                "every migration packaged in the EAR has run");
        assertTrue(detailed.get("media").getJsonObject("details").getString("ffmpeg").startsWith("8."));
        assertEquals(401, get("/api/ready/details", null).statusCode());
        assertEquals(403, get("/api/ready/details", DemoAccounts.LEAD.token()).statusCode());
    }

    /** A store that stops answering after the node started takes the node out of service, until it answers again. */
    @Test
    void nodeIsNotReadyWhileTheStoreDoesNotAnswer() throws InterruptedException {
        HttpResponse<String> whileHung;
        try (Hung hung = Hung.service("vp.it.s3-pid-file")) {
            whileHung = get("/api/ready", null);
        }

        assertEquals(503, whileHung.statusCode(), whileHung.body());
        assertTrue(object(whileHung).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(check -> check.getString("name").equals("storage") && !check.getBoolean("up")), whileHung.body());
        // The resumed S3 server first answers what queued up while it was stopped.
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> after = get("/api/ready", null);
        while (after.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250); // the interval between polls
            after = get("/api/ready", null);
        }
        assertEquals(200, after.statusCode(), "ready again once the store answers: " + after.body());
    }

    /** The highest version among the Flyway migrations inside the EAR's EJB module. */
    private static String newestMigration() {
        Pattern migration = Pattern.compile("db/migration/V(\\d+)__.*\\.sql");
        try (ZipFile ear = new ZipFile(System.getProperty("vp.it.ear"));
             ZipInputStream ejb = new ZipInputStream(ear.getInputStream(ear.getEntry("video-platform-ejb.jar")))) {
            int newest = 0;
            for (ZipEntry entry = ejb.getNextEntry(); entry != null; entry = ejb.getNextEntry()) {
                Matcher version = migration.matcher(entry.getName());
                if (version.matches()) {
                    newest = Math.max(newest, Integer.parseInt(version.group(1)));
                }
            }
            return String.valueOf(newest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void serverReportsItselfReadyOnTheManagementInterface() {
        HttpResponse<String> response = ApiClient.send(HttpRequest.newBuilder(
                URI.create(System.getProperty("vp.it.management-url") + "/health/ready")).build());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", object(response).getString("status"));
    }

    @Test
    void browserShellIsServedAtTheRootWithItsSignInLibrary() {
        HttpResponse<String> page = get("/", null);
        assertEquals(200, page.statusCode());
        assertTrue(contentType(page).startsWith("text/html"));

        Matcher script = Pattern.compile("src=\"(webjars/keycloak-js/[^\"]+)\"").matcher(page.body());
        assertTrue(script.find(), "the page loads keycloak-js from this server");
        HttpResponse<String> library = get("/" + script.group(1), null);
        assertEquals(200, library.statusCode());
        assertTrue(library.body().contains("pkceMethod"));
    }

    @Test
    void everyResponseCarriesAContentSecurityPolicyNamingTheSignInAndStorageServers() {
        for (String path : new String[] {"/", "/api/ready", "/api/media/00000000-0000-0000-0000-000000000000"}) {
            String policy = get(path, null).headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self';"), path + ": " + policy);
            assertTrue(policy.contains(System.getProperty("vp.it.keycloak-url")), path + ": " + policy);
        }
    }

    @Test
    void answersOfTheApiAreKeptInNoCache() {
        for (String path : new String[] {"/api/me", "/api/ready", "/api/audit?limit=1", "/api/roster?q=a"}) {
            HttpResponse<String> answer = get(path, path.equals("/api/ready") ? null : DemoAccounts.ADMIN.token());
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), path);
        }
        assertTrue(get("/", null).headers().firstValue("Cache-Control").filter("no-store"::equals).isEmpty(),
                "the page itself may be cached");
        assertTrue(get("/api/ready", null).headers().firstValue("Strict-Transport-Security").isEmpty(),
                "a platform whose public address is plain http does not pin browsers to https");
    }

    @Test
    void signInSettingsArePublicAndNameTheBrowserClient() {
        HttpResponse<String> response = get("/api/config", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("video-platform-ui", object(response).getString("clientId"));
        assertEquals(System.getProperty("vp.it.keycloak-url"), object(response).getString("keycloakUrl"));
    }

    @Test
    void apiDescriptionIsPublished() {
        HttpResponse<String> response = get("/openapi", null);

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/me"), response.body());
    }
}
