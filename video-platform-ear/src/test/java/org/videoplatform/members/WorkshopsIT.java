package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.contentType;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.json;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;

/** Workshops, places and the waitlist over HTTP, as a lead runs them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkshopsIT {

    private static final String JSON = "application/json";
    private static String lead;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeAll
    static void signIn() {
        lead = DemoAccounts.LEAD.token();
    }

    private static String workshopJson(int capacity, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return workshopJson("Filming on a phone", capacity, startsAt, endsAt);
    }

    private static String workshopJson(String title, int capacity, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return Json.createObjectBuilder()
                .add("title", title).add("venue", "Union hall").add("city", "Leeds")
                .add("startsAt", startsAt.toString()).add("endsAt", endsAt.toString()).add("capacity", capacity)
                .add("trainers", Json.createArrayBuilder().add("Sam Jones"))
                .build().toString();
    }

    private static String createWorkshop(int capacity) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10);
        HttpResponse<String> response = send("POST", "/api/workshops", lead, JSON, workshopJson(capacity, start, start.plusHours(6)));
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith(object(response).getString("id")));
        return object(response).getString("id");
    }

    private static HttpResponse<String> register(String workshopId, String name) {
        String attendee = Json.createObjectBuilder().add("fullName", name)
                .add("email", name.toLowerCase().replace(' ', '.') + "@example.org").build().toString();
        return send("POST", "/api/workshops/" + workshopId + "/attendees", lead, JSON, attendee);
    }

    private static JsonObject registered(String workshopId, String name) {
        HttpResponse<String> response = register(workshopId, name);
        assertEquals(201, response.statusCode(), response.body());
        return object(response);
    }

    private static HttpResponse<String> act(String workshopId, JsonObject attendee, String action) {
        return send("POST", "/api/workshops/" + workshopId + "/attendees/" + attendee.getString("id") + "/" + action, lead, null, null);
    }

    private static JsonObject workshop(String id) {
        HttpResponse<String> response = get("/api/workshops/" + id, lead);
        assertEquals(200, response.statusCode(), response.body());
        return object(response);
    }

    @Test
    void registrationsFillThePlacesThenTheWaitlist() {
        String id = createWorkshop(2);

        assertEquals("REGISTERED", registered(id, "Amira Khan").getString("state"));
        assertEquals("REGISTERED", registered(id, "Ben Briain").getString("state"));
        assertEquals("WAITLISTED", registered(id, "Carla Diaz").getString("state"));

        JsonObject workshop = workshop(id);
        assertEquals(2, workshop.getInt("registered"));
        assertEquals(1, workshop.getInt("waitlisted"));
        assertEquals(3, workshop.getJsonArray("attendees").size());
    }

    @Test
    void aCancelledPlaceGoesToWhoeverHasWaitedLongest() {
        String id = createWorkshop(2);
        JsonObject amira = registered(id, "Amira Khan");
        registered(id, "Ben Briain");
        JsonObject carla = registered(id, "Carla Diaz");
        JsonObject dev = registered(id, "Dev Patel");

        assertEquals("CANCELLED", object(act(id, amira, "cancellation")).getString("state"));

        List<JsonObject> attendees = workshop(id).getJsonArray("attendees").getValuesAs(JsonObject.class);
        assertEquals("REGISTERED", stateOf(attendees, carla));
        assertEquals("WAITLISTED", stateOf(attendees, dev));
    }

    @Test
    void theListCountsEachWorkshopsPlacesWithoutNamingAnyone() {
        String counted = createWorkshop(2);
        JsonObject amira = registered(counted, "Amira Khan");
        JsonObject ben = registered(counted, "Ben Briain");
        registered(counted, "Carla Diaz");
        registered(counted, "Dev Patel");
        assertEquals(200, act(counted, amira, "check-in").statusCode());
        assertEquals(200, act(counted, ben, "cancellation").statusCode());
        String empty = createWorkshop(5);

        HttpResponse<String> response = get("/api/workshops", lead);
        assertEquals(200, response.statusCode(), response.body());
        List<JsonObject> listed = json(response).asJsonArray().getValuesAs(JsonObject.class);
        JsonObject one = listed.stream().filter(w -> w.getString("id").equals(counted)).findFirst().orElseThrow();
        assertEquals(List.of(1, 1, 1), List.of(one.getInt("registered"), one.getInt("waitlisted"), one.getInt("checkedIn")),
                "Carla took Ben's place, Dev waits, Amira is in: " + one);
        assertFalse(one.containsKey("attendees"), "the list carries no one's personal data: " + one);
        JsonObject none = listed.stream().filter(w -> w.getString("id").equals(empty)).findFirst().orElseThrow();
        assertEquals(List.of(0, 0, 0), List.of(none.getInt("registered"), none.getInt("waitlisted"), none.getInt("checkedIn")));
    }

    private static String stateOf(List<JsonObject> attendees, JsonObject attendee) {
        return attendees.stream().filter(a -> a.getString("id").equals(attendee.getString("id")))
                .findFirst().orElseThrow().getString("state");
    }

    @Test
    void checkingInTwiceOrFromTheWaitlistIsAConflictThatSaysWhatIsAllowed() {
        String id = createWorkshop(1);
        JsonObject amira = registered(id, "Amira Khan");
        JsonObject ben = registered(id, "Ben Briain");

        HttpResponse<String> first = act(id, amira, "check-in");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("CHECKED_IN", object(first).getString("state"));

        HttpResponse<String> again = act(id, amira, "check-in");
        assertEquals(409, again.statusCode());
        assertTrue(contentType(again).startsWith("application/problem+json"));

        HttpResponse<String> waitlisted = act(id, ben, "check-in");
        assertEquals(409, waitlisted.statusCode());
        assertTrue(object(waitlisted).getString("detail").contains("registered or cancelled"), waitlisted.body());

        // Two leads at the door tap one name at once; three people, as one pair can miss the race by luck.
        String door = createWorkshop(3);
        for (String name : List.of("Cara Doyle", "Dan Doyle", "Eve Doyle")) {
            JsonObject arrived = registered(door, name);
            List<HttpResponse<String>> tappedTwice = ApiClient.twiceAtOnce(() -> act(door, arrived, "check-in"));
            assertEquals(List.of(200, 409), tappedTwice.stream().map(HttpResponse::statusCode).toList(), name);
            // Not "someone else changed this": the second lead learns the person is in.
            assertTrue(object(tappedTwice.get(1)).getString("detail").startsWith("An attendee who is checked in"), tappedTwice.get(1).body());
        }
    }

    @Test
    void oneEmailIsRegisteredOnceUntilCancelled() {
        String id = createWorkshop(4);

        // Three pairs: one pair can miss a race by luck.
        for (String name : List.of("Amira Khan", "Bea Khan", "Cal Khan")) {
            List<Integer> sentTwice = ApiClient.twiceAtOnce(() -> register(id, name)).stream()
                    .map(HttpResponse::statusCode).sorted().toList();
            assertEquals(List.of(201, 409), sentTwice, name + ": a second tap at the door would hold a second place");
        }
        HttpResponse<String> typedAgain = send("POST", "/api/workshops/" + id + "/attendees", lead, JSON,
                "{\"fullName\": \"A. Khan\", \"email\": \"Amira.Khan@EXAMPLE.org\"}");
        assertEquals(409, typedAgain.statusCode(), typedAgain.body());
        assertTrue(object(typedAgain).getString("detail").contains("Amira Khan is already registered"), typedAgain.body());
        assertEquals("REGISTERED", registered(id, "Ben Briain").getString("state"), "the fourth place is still free");

        JsonObject amira = workshop(id).getJsonArray("attendees").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("fullName").equals("Amira Khan")).findFirst().orElseThrow();
        act(id, amira, "cancellation");
        assertEquals(201, register(id, "Amira Khan").statusCode(), "once cancelled, they may be registered again");
    }

    @Test
    void simultaneousRegistrationsNeverTakeMorePlacesThanThereAre() throws Exception {
        String id = createWorkshop(3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> registrations = IntStream.range(0, 12)
                    .mapToObj(i -> (Callable<HttpResponse<String>>) () -> register(id, "Person " + i)).toList();
            for (Future<HttpResponse<String>> result : pool.invokeAll(registrations)) {
                assertEquals(201, result.get().statusCode(), result.get().body());
            }
        } finally {
            pool.shutdown();
        }

        JsonObject workshop = workshop(id);
        assertEquals(3, workshop.getInt("registered"));
        assertEquals(9, workshop.getInt("waitlisted"));
    }

    @Test
    void workshopThatEndsBeforeItStartsIsRefusedNamingTheField() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3);
        HttpResponse<String> response = send("POST", "/api/workshops", lead, JSON, workshopJson(10, start, start.minusHours(1)));

        assertEquals(400, response.statusCode());
        assertEquals("endsAt", object(response).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aMistypedYearIsRefusedNamingTheField() {
        OffsetDateTime farOff = OffsetDateTime.of(300_000, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        HttpResponse<String> year = send("POST", "/api/workshops", lead, JSON, workshopJson(10, farOff, farOff.plusHours(6)));
        assertEquals(400, year.statusCode(), "a year the database cannot keep: " + year.body());
        assertEquals("startsAt", object(year).getJsonArray("errors").getJsonObject(0).getString("field"), year.body());
        assertTrue(object(year).getString("detail").contains("within ten years of today, not +300000-01-01"), year.body());
    }

    @Test
    void aTitleOfSpacesFromAnotherScriptIsRefusedNamingTheField() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3);
        HttpResponse<String> title = send("POST", "/api/workshops", lead, JSON, workshopJson("\u3000", 10, start, start.plusHours(6)));
        assertEquals(400, title.statusCode(), "an ideographic space is a space: stripped, the title was saved empty: " + title.body());
        assertEquals("title", object(title).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void attendeeWithoutAValidEmailIsRefusedNamingTheField() {
        String id = createWorkshop(5);
        HttpResponse<String> response = send("POST", "/api/workshops/" + id + "/attendees", lead, JSON,
                "{\"fullName\": \"Amira Khan\", \"email\": \"amira at example\"}");

        assertEquals(400, response.statusCode());
        assertEquals("email", object(response).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void unknownWorkshopIsNotFound() {
        assertEquals(404, get("/api/workshops/00000000-0000-4000-8000-000000000000", lead).statusCode());
        assertEquals(404, register("00000000-0000-4000-8000-000000000000", "Amira Khan").statusCode());
    }

    @Test
    void producersCannotSeeOrRunWorkshops() {
        String id = createWorkshop(5);
        String producer = DemoAccounts.PRODUCER.token();

        assertEquals(403, get("/api/workshops", producer).statusCode());
        assertEquals(403, get("/api/workshops/" + id, producer).statusCode());
        HttpResponse<String> create = send("POST", "/api/workshops", producer, JSON,
                workshopJson(5, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), OffsetDateTime.now(ZoneOffset.UTC).plusDays(2)));
        assertEquals(403, create.statusCode());
        assertTrue(contentType(create).startsWith("application/problem+json"));
    }
}
