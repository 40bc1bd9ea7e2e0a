package org.videoplatform.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;
import static org.videoplatform.review.Checklist.JSON;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.MediaClient;
import org.videoplatform.media.TestMedia;
import org.videoplatform.members.VettedMember;

/** The pre-release checklist: what it asks, how each item is satisfied, and that approval waits for it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChecklistIT {

    @TempDir
    static Path media;

    private static String producer;
    private static String lead;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeAll
    static void accounts() {
        producer = DemoAccounts.PRODUCER.token();
        lead = DemoAccounts.LEAD.token();
    }

    @Test
    void approvalWaitsUntilEveryRequiredItemHolds() throws Exception {
        String production = submittedCut("Checked " + System.nanoTime());
        HttpResponse<String> early = decide(production, "APPROVED");
        assertEquals(409, early.statusCode());
        for (String open : new String[] {"Digital imprint (no imprint yet)", "Consent and release forms (no consent form on file)",
            "Music and footage rights cleared (not checked yet)", "Captions (no captions yet)", "No member's personal data visible"}) {
            assertTrue(early.body().contains(open), early.body());
        }

        HttpResponse<String> noAddress = Checklist.imprint(production, producer, "A. Organiser", " ");
        assertEquals(400, noAddress.statusCode());
        assertTrue(noAddress.body().contains("promoterAddress"), noAddress.body());
        JsonObject afterImprint = object(Checklist.imprint(production, producer, "A. Organiser", "1 High Street, York"));
        assertEquals("Promoted by A. Organiser, 1 High Street, York.", afterImprint.getJsonObject("imprint").getString("text"));

        HttpResponse<String> garbled = Checklist.captions(production, producer, "cut.srt", "1\n00:00:05,000 --> 00:00:01,000\nHi\n");
        assertEquals(400, garbled.statusCode());
        assertTrue(garbled.body().contains("line 2: the cue ends before it starts"), garbled.body());
        Checklist.captions(production, producer, "long.vtt", "WEBVTT\n\n00:00.000 --> 00:30.000\nToo long for a one second cut\n");
        JsonObject captions = item(Checklist.of(production, producer), "Captions");
        assertFalse(captions.getBoolean("done"));
        assertTrue(captions.getString("detail").contains("ends at 00:00:30.000, after the cut ends at 00:00:0"), captions.toString());
        Checklist.captions(production, producer, "fixed.srt", "1\n00:00:00,000 --> 00:00:01,000\nFares are up.\n");
        assertTrue(item(Checklist.of(production, producer), "Captions").getBoolean("done"), "the newest caption file counts");

        HttpResponse<String> notAForm = Checklist.consentForm(production, producer, "application/pdf", "I agree".getBytes());
        assertEquals(400, notAForm.statusCode());
        assertTrue(notAForm.body().contains("this file is none of them"), notAForm.body());
        // As a phone sends a photo it has no type for.
        JsonObject withPhoto = object(Checklist.consentForm(production, producer, "application/octet-stream", Checklist.SIGNED_PHOTO));
        assertTrue(withPhoto.getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> d.getString("kind").equals("CONSENT_FORM") && d.getString("contentType").equals("image/jpeg")), withPhoto.toString());
        JsonObject withForm = object(Checklist.consentForm(production, producer, "application/pdf", Checklist.SIGNED_FORM));
        String form = withForm.getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("kind").equals("CONSENT_FORM")).findFirst().orElseThrow().getString("id");
        HttpResponse<byte[]> saved = Checklist.document(production, lead, form);
        assertEquals(200, saved.statusCode());
        assertArrayEquals(Checklist.SIGNED_FORM, saved.body());
        assertEquals("attachment; filename=\"release.pdf\"; filename*=UTF-8''release.pdf", saved.headers().firstValue("Content-Disposition")
                .orElseThrow(), "through the API under its own name: a signer's name in a link would reach the logs on its way");

        String imprintItem = item(withForm, "Digital imprint").getString("id");
        HttpResponse<String> tickedImprint = Checklist.tick(production, lead, imprintItem, true);
        assertEquals(400, tickedImprint.statusCode());
        assertTrue(tickedImprint.body().contains("not by a tick"), tickedImprint.body());
        String rights = item(withForm, "Music and footage rights cleared").getString("id");
        assertEquals(403, Checklist.tick(production, producer, rights, true).statusCode(), "producers do not vouch for their own video");
        Checklist.tick(production, lead, rights, true);

        HttpResponse<String> oneLeft = decide(production, "APPROVED");
        assertEquals(409, oneLeft.statusCode());
        assertTrue(oneLeft.body().contains("still open: No member's personal data visible (not checked yet)"), oneLeft.body());

        Checklist.tick(production, lead, item(withForm, "No member's personal data visible").getString("id"), true);
        HttpResponse<String> approved = decide(production, "APPROVED");
        assertEquals(200, approved.statusCode(), approved.body());
        assertTrue(get("/api/audit?limit=50", DemoAccounts.ADMIN.token()).body().contains("checklist.ticked"));
    }

    @Test
    void aLeadCanConfirmThatNobodyIsIdentifiableInsteadOfAForm() throws Exception {
        String production = submittedCut("Hands only " + System.nanoTime());
        String consent = item(Checklist.of(production, lead), "Consent and release forms").getString("id");
        JsonObject ticked = object(Checklist.tick(production, lead, consent, true));
        JsonObject item = item(ticked, "Consent and release forms");
        assertTrue(item.getBoolean("done"));
        assertTrue(item.getString("detail").startsWith("nobody identifiable, checked by Lee Lead"), item.toString());
        assertFalse(item(object(Checklist.tick(production, lead, consent, false)), "Consent and release forms").getBoolean("done"));
    }

    @Test
    void aLeadsTickHoldsForTheCutItWasGivenOn() throws Exception {
        String production = submittedCut("Recut " + System.nanoTime());
        String first = Checklist.cutInReview(production, lead);
        String rights = item(Checklist.of(production, lead), "Music and footage rights cleared").getString("id");
        String consent = item(Checklist.of(production, lead), "Consent and release forms").getString("id");
        assertTrue(item(object(Checklist.tick(production, lead, rights, true)), "Music and footage rights cleared").getBoolean("done"));
        assertTrue(item(object(Checklist.tick(production, lead, consent, true)), "Consent and release forms").getBoolean("done"));
        assertEquals(200, decide(production, "CHANGES_REQUESTED").statusCode());

        submitACut(production);

        JsonObject onTheSecondCut = Checklist.of(production, lead);
        JsonObject rightsOnIt = item(onTheSecondCut, "Music and footage rights cleared");
        assertFalse(rightsOnIt.getBoolean("done"), "v2 may carry other music: " + rightsOnIt);
        assertEquals("checked on an earlier cut by Lee Lead, not yet on v2", rightsOnIt.getString("detail"));
        JsonObject consentOnIt = item(onTheSecondCut, "Consent and release forms");
        assertFalse(consentOnIt.getBoolean("done"), "v2 may show a face: " + consentOnIt);
        assertEquals("no consent form on file; nobody identifiable checked on an earlier cut by Lee Lead, not yet on v2",
                consentOnIt.getString("detail"));
        HttpResponse<String> fromTheFirstCutsPage = Checklist.tickOn(first, production, lead, rights, true);
        assertEquals(409, fromTheFirstCutsPage.statusCode(), fromTheFirstCutsPage.body());
        assertTrue(fromTheFirstCutsPage.body().contains("v2 is the cut in review now, and a tick vouches for it"), fromTheFirstCutsPage.body());
        assertFalse(item(Checklist.of(production, lead), "Music and footage rights cleared").getBoolean("done"), "the tick was not taken");
        assertTrue(item(object(Checklist.tick(production, lead, rights, true)), "Music and footage rights cleared").getBoolean("done"));

        String early = MediaClient.platform().production(producer, "Ticked early " + System.nanoTime());
        assertEquals(200, Checklist.tick(early, lead, rights, true).statusCode(), "no cut yet: the tick names none");
        submitACut(early);
        assertEquals("checked before any cut was submitted by Lee Lead, not yet on v1",
                item(Checklist.of(early, lead), "Music and footage rights cleared").getString("detail"));
        HttpResponse<String> withAnotherProductionsCut = Checklist.tickOn(first, early, lead, rights, true);
        assertEquals(400, withAnotherProductionsCut.statusCode(), withAnotherProductionsCut.body());
        assertTrue(withAnotherProductionsCut.body().contains("is no cut of this production"), withAnotherProductionsCut.body());
    }

    @Test
    void aLeadOnTheCrewLeavesTheTicksToAnotherLead() {
        VettedMember crewLead = VettedMember.vetted("Lena Crewlead");
        KeycloakAdmin.grantRealmRole(crewLead.accountId(), "video-lead");
        String pitch = object(send("POST", "/api/pitches", producer, JSON, "{\"title\": \"Crewed by a lead " + System.nanoTime() + "\"}"))
                .getString("id");
        assertEquals(201, send("POST", "/api/pitches/" + pitch + "/crew", producer, JSON, "{\"memberId\": \"" + crewLead.memberId() + "\"}")
                .statusCode());
        assertEquals(200, send("POST", "/api/pitches/" + pitch + "/submission", producer, null, null).statusCode());
        String production = object(send("POST", "/api/pitches/" + pitch + "/greenlight", lead, JSON, "{\"reason\": \"Go\"}")).getString("id");
        String rights = item(Checklist.of(production, lead), "Music and footage rights cleared").getString("id");

        HttpResponse<String> own = Checklist.tick(production, crewLead.token(), rights, true);
        assertEquals(403, own.statusCode(), own.body());
        assertTrue(own.body().contains("another lead has to check it"), own.body());
        assertTrue(item(object(Checklist.tick(production, lead, rights, true)), "Music and footage rights cleared").getBoolean("done"));
    }

    @Test
    void aDoubleClickSavesTheImprintAndTheTickOnce() {
        String production = MediaClient.platform().production(producer, "Clicked twice " + System.nanoTime());

        for (HttpResponse<String> saved : ApiClient.twiceAtOnce(() -> Checklist.imprint(production, producer, "A. Organiser", "1 High St"))) {
            assertEquals(200, saved.statusCode(), saved.body());
        }
        String rights = item(Checklist.of(production, lead), "Music and footage rights cleared").getString("id");
        for (HttpResponse<String> ticked : ApiClient.twiceAtOnce(() -> Checklist.tick(production, lead, rights, true))) {
            assertEquals(200, ticked.statusCode(), ticked.body());
        }

        JsonObject checklist = Checklist.of(production, lead);
        assertEquals("Promoted by A. Organiser, 1 High St.", checklist.getJsonObject("imprint").getString("text"));
        assertEquals(1, ((JsonArray) ApiClient.json(get("/api/audit?limit=20", DemoAccounts.ADMIN.token()))).getValuesAs(JsonObject.class)
                .stream().filter(entry -> production.equals(entry.getString("subjectId", null))
                        && entry.getString("action").equals("checklist.imprint-written")).count(), "the second click changed nothing");
        assertTrue(item(checklist, "Music and footage rights cleared").getBoolean("done"));
        assertFalse(item(object(Checklist.tick(production, lead, rights, false)), "Music and footage rights cleared").getBoolean("done"),
                "one untick clears it: the two clicks left one tick");
    }

    @Test
    void aFirstImprintSavedMeanwhileIsReportedNotOverwritten() {
        String production = MediaClient.platform().production(producer, "Both saw none " + System.nanoTime());

        assertEquals(200, Checklist.imprint(production, producer, "A. Organiser", "1 High St").statusCode());
        HttpResponse<String> stale = Checklist.imprint(production, lead, "B. Lead", "2 Low Rd");

        assertEquals(409, stale.statusCode(), "the lead's form was filled in with no imprint saved: " + stale.body());
        assertEquals("Promoted by A. Organiser, 1 High St.", Checklist.of(production, producer).getJsonObject("imprint").getString("text"));
    }

    @Test
    void anImprintSavedMeanwhileIsReportedNotOverwritten() {
        String production = MediaClient.platform().production(producer, "Edited twice " + System.nanoTime());
        long read = object(Checklist.imprint(production, producer, "A. Organiser", "1 High St")).getJsonObject("imprint").getJsonNumber("version")
                .longValue();
        String form = "{\"promoter\": \"%s\", \"promoterAddress\": \"2 Low Rd\", \"version\": " + read + "}";
        String path = "/api/productions/" + production + "/checklist/imprint";

        HttpResponse<String> lead = send("PUT", path, ChecklistIT.lead, JSON, String.format(form, "B. Lead"));
        assertEquals(200, lead.statusCode(), lead.body());
        HttpResponse<String> stale = send("PUT", path, producer, JSON, String.format(form, "C. Producer"));

        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("Someone else changed this"), stale.body());
        assertEquals("Promoted by B. Lead, 2 Low Rd.", Checklist.of(production, producer).getJsonObject("imprint").getString("text"));
    }

    @Test
    void adminsAddRequireAndRetireItems() throws Exception {
        String admin = DemoAccounts.ADMIN.token();
        assertEquals(403, send("POST", "/api/checklist-items", lead, JSON, "{\"title\": \"Lead's own\", \"required\": true}").statusCode());
        assertEquals(200, get("/api/checklist-items", admin).statusCode());
        assertEquals(200, get("/api/checklist-items?withRetired=TRUE", admin).statusCode());
        HttpResponse<String> unclear = get("/api/checklist-items?withRetired=1", admin);
        assertEquals(400, unclear.statusCode(), "not quietly false");
        assertEquals("withRetired", object(unclear).getJsonArray("errors").getJsonObject(0).getString("field"), unclear.body());
        JsonObject added = object(send("POST", "/api/checklist-items", admin, JSON,
                "{\"title\": \"Accessibility read-through\", \"guidance\": \"Someone using a screen reader checked it\", \"required\": true}"));
        String id = added.getString("id");
        try {
            assertEquals("MANUAL", added.getString("kind"));
            String production = MediaClient.platform().production(producer, "Configured " + System.nanoTime());
            assertTrue(item(Checklist.of(production, producer), "Accessibility read-through").getBoolean("required"));

            send("PUT", "/api/checklist-items/" + id, admin, JSON, Json.createObjectBuilder().add("title", "Accessibility read-through")
                    .add("required", false).add("retired", false).build().toString());
            assertFalse(item(Checklist.of(production, producer), "Accessibility read-through").getBoolean("required"));
        } finally {
            HttpResponse<String> retired = send("PUT", "/api/checklist-items/" + id, admin, JSON,
                    Json.createObjectBuilder().add("title", "Accessibility read-through").add("required", false).add("retired", true).build().toString());
            assertEquals(200, retired.statusCode(), retired.body());
        }
        JsonArray inUse = (JsonArray) ApiClient.json(get("/api/checklist-items", producer));
        assertFalse(inUse.toString().contains(id), "a retired item is off the checklist");
        assertTrue(get("/api/checklist-items?withRetired=true", admin).body().contains(id), "and kept for the record");
    }

    @Test
    void onlyTheProductionsPeopleSeeOrAddToItsChecklist() throws Exception {
        String production = MediaClient.platform().production(producer, "Private " + System.nanoTime());
        JsonObject withForm = object(Checklist.consentForm(production, producer, "application/pdf", Checklist.SIGNED_FORM));
        String form = withForm.getJsonArray("documents").getJsonObject(0).getString("id");
        String stranger = VettedMember.vetted("Stan Stranger").token();

        assertEquals(404, get("/api/productions/" + production + "/checklist", stranger).statusCode());
        assertEquals(404, Checklist.imprint(production, stranger, "Me", "Here").statusCode());
        assertEquals(404, Checklist.captions(production, stranger, "x.srt", "1\n00:00:00,000 --> 00:00:01,000\nx\n").statusCode());
        assertEquals(404, Checklist.consentForm(production, stranger, "application/pdf", Checklist.SIGNED_FORM).statusCode());
        assertEquals(404, Checklist.document(production, stranger, form).statusCode());
        String elsewhere = MediaClient.platform().production(stranger, "Mine " + System.nanoTime());
        assertEquals(404, Checklist.document(elsewhere, stranger, form).statusCode(), "a document is reached only through its own production");
        assertEquals(401, Checklist.document(production, null, form).statusCode());
        assertEquals(200, Checklist.document(production, producer, form).statusCode(), "and its producer does");
        assertEquals(401, get("/api/productions/" + production + "/checklist", null).statusCode());
    }

    private static String submittedCut(String title) throws Exception {
        String production = MediaClient.platform().production(producer, title);
        submitACut(production);
        return production;
    }

    private static void submitACut(String production) throws Exception {
        MediaClient client = MediaClient.platform();
        String cut = client.upload(producer, production, TestMedia.NO_AUDIO.write(media));
        assertEquals("READY", client.awaitSettled(producer, production, cut, Duration.ofMinutes(2)).getString("state"));
        assertEquals(200, send("POST", "/api/cuts/" + cut + "/submission", producer, null, null).statusCode());
    }

    private static HttpResponse<String> decide(String production, String decision) {
        return Decisions.decide(production, lead, decision, "Checked");
    }

    private static JsonObject item(JsonObject checklist, String title) {
        Map<String, JsonObject> byTitle = checklist.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(i -> i.getString("title"), i -> i));
        return byTitle.get(title);
    }
}
