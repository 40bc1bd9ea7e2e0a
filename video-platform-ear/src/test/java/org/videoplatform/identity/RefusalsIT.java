package org.videoplatform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.contentType;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.MediaClient;
import org.videoplatform.members.VettedMember;

/**
 * Refusals the feature tests do not already make: another producer's work stays out of reach,
 * crew look without adding, and a role's endpoints refuse the other roles whatever the id.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefusalsIT {

    private static final String JSON = "application/json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    private static void assertRefused(int status, HttpResponse<String> response, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertTrue(contentType(response).startsWith("application/problem+json"), what + ": " + contentType(response));
    }

    @Test
    void anotherProducerFindsNothingOfAProducersWork() {
        String owner = DemoAccounts.PRODUCER.token();
        String other = VettedMember.vetted("Otto Other").token();
        String production = MediaClient.platform().production(owner, "Not yours " + System.nanoTime());
        String pitch = object(send("POST", "/api/pitches", owner, JSON, "{\"title\": \"Not yours either\"}")).getString("id");

        assertRefused(404, get("/api/productions/" + production, other), "the production");
        assertRefused(404, get("/api/productions/" + production + "/review/team", other), "its team");
        assertRefused(404, send("PUT", "/api/pitches/" + pitch, other, JSON, "{\"version\": 0, \"pitch\": {\"title\": \"Mine now\"}}"),
                "editing the pitch");
        assertRefused(404, send("POST", "/api/pitches/" + pitch + "/revision", other, null, null), "revising the pitch");
        assertEquals("Not yours either", object(get("/api/pitches/" + pitch, owner)).getString("title"), "the pitch is as it was");
        String attachment = object(send("POST", "/api/pitches/" + pitch + "/attachments", owner, JSON,
                "{\"kind\": \"SCRIPT\", \"fileName\": \"script.txt\", \"contentType\": \"text/plain\", \"size\": 4}")).getString("id");
        assertRefused(404, send("POST", "/api/pitches/" + pitch + "/attachments/" + attachment + "/completion", other, null, null),
                "confirming the pitch's attachment");
        assertFalse(get("/api/productions", other).body().contains(production), "the production is not in their list");
    }

    @Test
    void crewSeeTheProductionButBringNoEvidenceAndUploadNoCuts() {
        String owner = DemoAccounts.PRODUCER.token();
        String lead = DemoAccounts.LEAD.token();
        VettedMember crewMember = VettedMember.vetted("Cleo Crew");
        String pitch = object(send("POST", "/api/pitches", owner, JSON, "{\"title\": \"Crewed " + System.nanoTime() + "\"}")).getString("id");
        assertEquals(201, send("POST", "/api/pitches/" + pitch + "/crew", owner, JSON, "{\"memberId\": \"" + crewMember.memberId() + "\"}")
                .statusCode());
        assertEquals(200, send("POST", "/api/pitches/" + pitch + "/submission", owner, null, null).statusCode());
        String production = object(send("POST", "/api/pitches/" + pitch + "/greenlight", lead, JSON, "{\"reason\": \"Go\"}")).getString("id");
        String crew = crewMember.token();

        assertEquals(200, get("/api/productions/" + production + "/checklist", crew).statusCode(), "crew see the checklist");
        assertRefused(403, send("PUT", "/api/productions/" + production + "/checklist/imprint", crew, JSON,
                "{\"promoter\": \"Crew\", \"promoterAddress\": \"Somewhere\"}"), "crew writing the imprint");
        assertRefused(404, send("POST", "/api/productions/" + production + "/media", crew, JSON,
                "{\"fileName\": \"mine.mp4\", \"size\": 1000}"), "crew uploading a cut");
        assertRefused(403, send("POST", "/api/productions/" + production + "/checklist/captions?fileName=crew.vtt", crew, "text/vtt",
                "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n"), "crew adding captions");
        assertRefused(403, send("POST", "/api/productions/" + production + "/checklist/consent-forms?fileName=crew.pdf", crew,
                "application/pdf", "%PDF-1.4\n"), "crew adding a consent form");
    }

    @Test
    void eachRolesEndpointsRefuseTheOtherRolesWhateverTheId() {
        String producer = DemoAccounts.PRODUCER.token();
        String lead = DemoAccounts.LEAD.token();
        String newcomer = DemoAccounts.NEWCOMER.token();
        String any = UUID.randomUUID().toString();
        String reason = "{\"reason\": \"because\"}";
        Map<String, HttpResponse<String>> refusedToProducers = Map.of(
                "opening a pitch's discussion", send("POST", "/api/pitches/" + any + "/discussion", producer, null, null),
                "adding a post to a release", send("POST", "/api/releases/" + any + "/posts", producer, JSON, "{}"),
                "suspending a member", send("POST", "/api/members/" + any + "/suspension", producer, JSON, reason),
                "reinstating a member", send("POST", "/api/members/" + any + "/reinstatement", producer, JSON, reason),
                "registering at a workshop", send("POST", "/api/workshops/" + any + "/attendees", producer, JSON, "{}"),
                "checking someone in", send("POST", "/api/workshops/" + any + "/attendees/" + any + "/check-in", producer, null, null),
                "cancelling an attendance", send("POST", "/api/workshops/" + any + "/attendees/" + any + "/cancellation", producer, null, null),
                "the videos' figures as CSV", get("/api/performance/videos.csv", producer),
                "changing a checklist item", send("PUT", "/api/checklist-items/" + any, producer, JSON, "{}"),
                "the metrics import template", get("/api/metrics/template.csv", producer));
        refusedToProducers.forEach((what, response) -> assertRefused(403, response, what));

        assertRefused(403, send("PUT", "/api/checklist-items/" + any, lead, JSON, "{}"), "a lead changing a checklist item");
        assertRefused(403, send("POST", "/api/productions", lead, JSON, "{\"title\": \"Leads do not produce\"}"),
                "a lead starting a production");
        assertRefused(403, get("/api/review-queue", newcomer), "the review queue for someone not vetted");
        assertRefused(403, get("/api/notifications", newcomer), "notifications for someone not vetted");
        assertRefused(403, get("/api/checklist-items", newcomer), "the checklist for someone not vetted");
        assertRefused(403, get("/api/releases", newcomer), "the releases for someone not vetted");
        assertRefused(403, send("POST", "/api/pitches", lead, JSON, "{\"title\": \"Leads do not pitch\"}"), "a lead writing a pitch");
        for (String path : List.of("/api/checklist-items", "/api/releases", "/api/metrics/template.csv", "/api/roster")) {
            assertEquals(401, get(path, null).statusCode(), path + " without a token");
        }
    }
}
