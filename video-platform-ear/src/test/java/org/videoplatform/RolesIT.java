package org.videoplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what: every operation the API describes, and the roles its role check lets through.
 * An operation missing from the table fails the test, so each new one is a decision rather than a
 * default. Ownership (a producer's own pitch, a lead's own vetting) is tested with each feature:
 * here every id is a random one, so a caller let through is answered 404, 400 or 200, never 401 or
 * 403, and nothing is changed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesIT {

    /**
     * "anyone" needs no token; "signed-in" takes any signed-in person, a newcomer without a role
     * too; otherwise the roles named, producer, lead (video-lead) and admin.
     */
    private static final String WHO_MAY_CALL = """
            GET    /api/audit                                                         lead admin
            GET    /api/checklist-items                                               producer lead admin
            POST   /api/checklist-items                                               admin
            PUT    /api/checklist-items/{id}                                          admin
            POST   /api/comments/{comment}/replies                                    producer lead admin
            PUT    /api/comments/{comment}/resolution                                 producer lead admin
            GET    /api/config                                                        anyone
            GET    /api/crew-candidates                                               producer lead admin
            GET    /api/cuts/{cut}/comments                                           producer lead admin
            POST   /api/cuts/{cut}/comments                                           producer lead admin
            POST   /api/cuts/{cut}/submission                                         producer
            GET    /api/me                                                            signed-in
            GET    /api/media/{id}                                                    producer lead admin
            POST   /api/media/{id}/completion                                         producer
            GET    /api/media/{id}/hls/{name}.m3u8                                    producer lead admin
            GET    /api/media/{id}/original                                           producer lead admin
            GET    /api/media/{id}/outputs                                            producer lead admin
            GET    /api/media/{id}/parts                                              producer
            POST   /api/media/{id}/parts/urls                                         producer
            POST   /api/media/{id}/parts/{number}/url                                 producer
            POST   /api/media/{id}/transcoding                                        lead admin
            DELETE /api/media/{id}/transcoding                                        lead admin
            DELETE /api/media/{id}/upload                                             producer
            GET    /api/members                                                       lead admin
            POST   /api/members/{id}/erasure                                          admin
            GET    /api/members/{id}/export                                           admin
            POST   /api/members/{id}/reinstatement                                    lead admin
            POST   /api/members/{id}/revocation                                       lead admin
            POST   /api/members/{id}/suspension                                       lead admin
            POST   /api/metrics                                                       lead admin
            POST   /api/metrics/imports                                               lead admin
            GET    /api/metrics/template.csv                                          lead admin
            GET    /api/notifications                                                 producer lead admin
            POST   /api/notifications/{id}/read                                       producer lead admin
            GET    /api/performance/comparisons                                       lead admin
            GET    /api/performance/producers/{producer}                              producer lead admin
            GET    /api/performance/productions/{production}                          producer lead admin
            GET    /api/performance/productions/{production}/days.csv                 producer lead admin
            GET    /api/performance/videos                                            lead admin
            GET    /api/performance/videos.csv                                        lead admin
            GET    /api/pitches                                                       producer lead admin
            POST   /api/pitches                                                       producer
            GET    /api/pitches/{id}                                                  producer lead admin
            PUT    /api/pitches/{id}                                                  producer
            GET    /api/pitches/{id}/attachments                                      producer lead admin
            POST   /api/pitches/{id}/attachments                                      producer
            GET    /api/pitches/{id}/attachments/{attachmentId}                       producer lead admin
            POST   /api/pitches/{id}/attachments/{attachmentId}/completion            producer
            GET    /api/pitches/{id}/comments                                         producer lead admin
            POST   /api/pitches/{id}/comments                                         producer lead admin
            POST   /api/pitches/{id}/crew                                             producer lead admin
            GET    /api/pitches/{id}/crew                                             producer lead admin
            DELETE /api/pitches/{id}/crew/{collaboratorId}                            producer lead admin
            POST   /api/pitches/{id}/decline                                          lead admin
            POST   /api/pitches/{id}/discussion                                       lead admin
            POST   /api/pitches/{id}/greenlight                                       lead admin
            POST   /api/pitches/{id}/revision                                         producer
            POST   /api/pitches/{id}/submission                                       producer
            POST   /api/pitches/{id}/withdrawal                                       producer
            GET    /api/productions                                                   producer lead admin
            POST   /api/productions                                                   producer
            GET    /api/productions/{id}                                              producer lead admin
            GET    /api/productions/{production}/checklist                            producer lead admin
            POST   /api/productions/{production}/checklist/captions                   producer lead admin
            POST   /api/productions/{production}/checklist/consent-forms              producer lead admin
            GET    /api/productions/{production}/checklist/documents/{document}       producer lead admin
            PUT    /api/productions/{production}/checklist/imprint                    producer lead admin
            PUT    /api/productions/{production}/checklist/items/{item}               lead admin
            POST   /api/productions/{production}/media                                producer
            GET    /api/productions/{production}/media                                producer lead admin
            GET    /api/productions/{production}/media/events                         producer lead admin
            POST   /api/productions/{production}/release                              lead admin
            GET    /api/productions/{production}/release                              producer lead admin
            GET    /api/productions/{production}/review                               producer lead admin
            POST   /api/productions/{production}/review/decisions                     lead admin
            GET    /api/productions/{production}/review/team                          producer lead admin
            GET    /api/profile                                                       producer
            PUT    /api/profile                                                       producer
            GET    /api/public/links/{code}                                           anyone
            POST   /api/public/links/{code}/forwards                                  anyone
            GET    /api/ready                                                         anyone
            GET    /api/ready/details                                                 admin
            GET    /api/releases                                                      producer lead admin
            POST   /api/releases/{release}/links                                      lead admin
            GET    /api/releases/{release}/links                                      producer lead admin
            POST   /api/releases/{release}/posts                                      lead admin
            DELETE /api/releases/{release}/posts/{post}                               lead admin
            GET    /api/review-queue                                                  producer lead admin
            GET    /api/roster                                                        lead admin
            POST   /api/roster/imports                                                admin
            POST   /api/workshops                                                     lead admin
            GET    /api/workshops                                                     lead admin
            GET    /api/workshops/{id}                                                lead admin
            POST   /api/workshops/{id}/attendees                                      lead admin
            POST   /api/workshops/{id}/attendees/{attendeeId}/cancellation            lead admin
            POST   /api/workshops/{id}/attendees/{attendeeId}/check-in                lead admin
            POST   /api/workshops/{id}/attendees/{attendeeId}/erasure                 admin
            POST   /api/workshops/{workshopId}/attendees/{attendeeId}/vetting         lead admin
            GET    /api/workshops/{workshopId}/attendees/{attendeeId}/vetting         lead admin
            """;

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void everyOperationLetsThroughItsRolesAndRefusesEveryoneElse() {
        Map<String, Set<String>> table = whoMayCall();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("newcomer", DemoAccounts.NEWCOMER.token());
        callers.put("producer", DemoAccounts.PRODUCER.token());
        callers.put("lead", DemoAccounts.LEAD.token());
        callers.put("admin", DemoAccounts.ADMIN.token());

        List<String> wrong = new ArrayList<>();
        JsonObject paths = object(get("/openapi?format=JSON", null)).getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet().stream().filter(HTTP_METHODS::contains).toList()) {
                String verb = method.toUpperCase(Locale.ROOT);
                String operation = verb + " " + path;
                Set<String> allowed = table.remove(operation);
                if (allowed == null) {
                    wrong.add(operation + ": not in the table of who may call what");
                    continue;
                }
                // Any id will do; a body is sent where one may be, so that a caller let through meets validation, not a 415.
                String anyIds = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                String body = method.equals("get") || method.equals("delete") ? null : "{}";
                callers.forEach((caller, token) -> {
                    boolean letThrough = allowed.contains("anyone") || token != null && allowed.contains("signed-in")
                            || allowed.contains(caller);
                    int expectedRefusal = token == null ? 401 : 403;
                    int status = ApiClient.send(verb, anyIds, token, body == null ? null : "application/json", body)
                            .statusCode();
                    if (letThrough ? status == 401 || status == 403 : status != expectedRefusal) {
                        wrong.add(operation + " as " + caller + ": " + status
                                + (letThrough ? ", where the role lets them through" : ", where " + expectedRefusal + " refuses them"));
                    }
                });
            }
        }
        table.keySet().forEach(operation -> wrong.add(operation + ": in the table, but not an operation of the API"));
        assertEquals(List.of(), wrong);
    }

    /** @return the roles let through by operation, such as "GET /api/audit" */
    private static Map<String, Set<String>> whoMayCall() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        WHO_MAY_CALL.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            List<String> words = List.of(line.split("\\s+"));
            table.put(words.get(0) + " " + words.get(1), Set.copyOf(words.subList(2, words.size())));
        });
        return table;
    }
}
