package org.videoplatform.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.contentType;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;

/** Every error is a problem document that says what was wrong, never a stack trace or HTML. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProblemsIT {

    private static final String JSON = "application/json";
    private static String token;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = PlatformEar.asBuilt();
        ear.getAsType(WebArchive.class, PlatformEar.WAR).addClass(ProbeResource.class);
        return ear;
    }

    @BeforeAll
    static void signIn() {
        token = DemoAccounts.PRODUCER.token();
    }

    private static JsonObject assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(contentType(response).startsWith("application/problem+json"), contentType(response));
        JsonObject problem = object(response);
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(response.body().contains("RESTEASY"), "no framework message codes: " + response.body());
        assertFalse(response.body().contains("\tat "), "no stack trace");
        return problem;
    }

    @Test
    void unknownApiRouteIsNotFound() {
        JsonObject problem = assertProblem(404, get("/api/no-such-thing", token));
        assertTrue(problem.getString("detail").contains("/api/no-such-thing"), problem.toString());
    }

    @Test
    void unknownPageIsNotFoundToo() {
        assertProblem(404, get("/no-such-page.html", null));
    }

    @Test
    void wrongMethodIsNotAllowedAndSaysWhichAre() {
        HttpResponse<String> response = send("DELETE", "/api/me", token, null, null);
        JsonObject problem = assertProblem(405, response);
        assertTrue(problem.getString("detail").contains("GET"), problem.getString("detail"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        JsonObject problem = assertProblem(400, send("POST", "/api/problem-probe", token, JSON, "{\"title\": \"Bus fares"));
        assertTrue(problem.getString("detail").contains("not valid JSON"), problem.getString("detail"));
    }

    @Test
    void invalidFieldIsNamed() {
        JsonObject problem = assertProblem(400, send("POST", "/api/problem-probe", token, JSON,
                "{\"title\": \"  \", \"logline\": \"" + "x".repeat(201) + "\"}"));
        assertEquals(2, problem.getJsonArray("errors").size(), problem.toString());
        assertEquals("logline", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("title", problem.getJsonArray("errors").getJsonObject(1).getString("field"));
    }

    @Test
    void unknownFieldIsNamed() {
        JsonObject problem = assertProblem(400, send("POST", "/api/problem-probe", token, JSON,
                "{\"title\": \"Bus fares\", \"colour\": \"red\"}"));
        assertEquals(1, problem.getJsonArray("errors").size(), problem.toString());
        assertEquals("colour", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aValueOfTheWrongKindIsNamedWithWhatTheFieldTakes() {
        JsonObject date = assertProblem(400, send("POST", "/api/problem-probe", token, JSON,
                "{\"title\": \"Bus fares\", \"deadline\": \"27/11/2026\"}"));
        assertEquals("deadline", date.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(date.getString("detail").contains("\"27/11/2026\" is not a date like 2026-11-27"), date.toString());

        JsonObject number = assertProblem(400, send("POST", "/api/problem-probe", token, JSON, "{\"title\": \"Bus fares\", \"views\": \"1,200\"}"));
        assertEquals("views", number.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(number.getString("detail").contains("is not a whole number"), number.toString());

        JsonObject choice = assertProblem(400, send("POST", "/api/problem-probe", token, JSON, "{\"title\": \"Bus fares\", \"format\": \"EPIC\"}"));
        assertTrue(choice.getString("detail").contains("\"EPIC\" is not one of SHORT, FEATURE"), choice.toString());
        assertFalse(choice.getString("detail").contains("org.videoplatform"), "no class names");
        JsonObject dotted = assertProblem(400, send("POST", "/api/problem-probe", token, JSON,
                "{\"title\": \"Bus fares\", \"format\": \"youtube.com\"}"));
        assertTrue(dotted.getString("detail").contains("\"youtube.com\" is not one of SHORT, FEATURE"), dotted.toString());

        JsonObject moment = assertProblem(400, send("POST", "/api/problem-probe", token, JSON,
                "{\"title\": \"Bus fares\", \"startsAt\": \"2026-12-05\"}"));
        assertTrue(moment.getString("detail").contains("\"2026-12-05\" is not a date and time like"), moment.toString());
        JsonObject rate = assertProblem(400, send("POST", "/api/problem-probe", token, JSON, "{\"title\": \"Bus fares\", \"rate\": \"12%\"}"));
        assertEquals("rate", rate.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(rate.getString("detail").contains("is not a number"), rate.toString());
    }

    @Test
    void theNulCharacterIsRefusedInTheFieldThatHoldsIt() {
        // Pasted from a PDF, for instance. The database cannot store it: refused there, it was an unexpected failure.
        JsonObject probed = assertProblem(400, send("POST", "/api/problem-probe", token, JSON, "{\"title\": \"Bus\\u0000fares\"}"));
        assertEquals("title", probed.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(probed.getString("detail").contains("NUL character"), probed.toString());
        JsonObject pitch = assertProblem(400, send("POST", "/api/pitches", token, JSON,
                "{\"title\": \"Bus fares\", \"logline\": \"Up \\u0000 again\"}"));
        assertEquals("logline", pitch.getJsonArray("errors").getJsonObject(0).getString("field"));
        // In a search's address too, where it went to the database as part of a LIKE pattern.
        JsonObject crew = assertProblem(400, get("/api/crew-candidates?skill=CAMERA&region=Leeds%00", DemoAccounts.PRODUCER.token()));
        assertEquals("region", crew.getJsonArray("errors").getJsonObject(0).getString("field"));
        JsonObject members = assertProblem(400, get("/api/members?q=%00", DemoAccounts.LEAD.token()));
        assertEquals("The field q holds the NUL character (%00), which text cannot contain here.", members.getString("detail"));
    }

    @Test
    void validBodyPassesThrough() {
        HttpResponse<String> response = send("POST", "/api/problem-probe", token, JSON, "{\"title\": \"Bus fares\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Bus fares", object(response).getString("title"));
    }

    @Test
    void oversizedBodyIsTooLarge() {
        String body = "{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(413, send("POST", "/api/problem-probe", token, JSON, body));
    }

    @Test
    void oversizedBodyWithoutDeclaredLengthIsTooLarge() {
        byte[] body = ("{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        HttpRequest chunked = ApiClient.request("/api/problem-probe", token)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertProblem(413, ApiClient.send(chunked));
    }

    @Test
    void unexpectedFailureHidesItsInternals() throws IOException {
        HttpResponse<String> response = send("POST", "/api/problem-probe/failure?q=Zed+Searched", token, JSON, "{\"title\": \"x\"}");
        JsonObject problem = assertProblem(500, response);
        assertTrue(problem.getString("detail").contains("incident"));
        assertFalse(response.body().contains(System.getProperty("java.home")));
        assertFalse(response.body().contains("IllegalStateException"));

        Matcher incident = Pattern.compile("incident ([0-9a-f-]{36})").matcher(problem.getString("detail"));
        assertTrue(incident.find(), problem.getString("detail"));
        // Logged before the answer is sent, by a handler that writes each record through.
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        String logged = Files.readAllLines(log).stream().filter(line -> line.contains(incident.group(1))).findFirst().orElseThrow();
        assertTrue(logged.contains("/api/problem-probe/failure"), logged);
        assertFalse(logged.contains("Zed"), "what was searched for stays out of the log: " + logged);
    }

    /** The server's failure, not a body the client got wrong: it must reach the log, where a 400 left no trace. */
    @Test
    void anAnswerThatCannotBeWrittenIsAnIncident() throws IOException {
        JsonObject problem = assertProblem(500, get("/api/problem-probe/unwritable", token));

        Matcher incident = Pattern.compile("incident ([0-9a-f-]{36})").matcher(problem.getString("detail"));
        assertTrue(incident.find(), problem.getString("detail"));
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        assertTrue(Files.readAllLines(log).stream().anyMatch(line -> line.contains(incident.group(1))), "logged under its incident");
    }
}
