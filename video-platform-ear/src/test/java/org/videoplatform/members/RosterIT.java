package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.contentType;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;

/** Roster imports and look-ups over HTTP, as an admin, a lead and a producer would make them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RosterIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    /** Membership numbers of this test only, so tests sharing the database never see each other's members. */
    private final String prefix = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";

    /**
     * A roster as a spreadsheet exports it: byte-order mark, Windows line endings, quotes, a blank
     * line, a repeated line, an unknown status and a broken email address (lines 6 and 7).
     */
    private String exportedRoster(String benStatus) {
        String ben = benStatus + ",Ben Ó Briain," + prefix + "2,ben@example.org,M1 1AE\r\n";
        return "\uFEFFStatus,Full name,Membership number,Email,Postcode\r\n"
                + "active,\"Khan, Amira\"," + prefix + "1,amira@example.org,sw1a 1aa\r\n"
                + "\r\n"
                + ben
                + ben
                + "honorary,Carla Díaz," + prefix + "3,,\r\n"
                + "active,Dev Patel," + prefix + "4,not-an-email,\r\n";
    }

    private static HttpResponse<String> importFile(String csv, String token) {
        return ApiClient.send("POST", "/api/roster/imports", token, "text/csv", csv);
    }

    private JsonArray search(String term, String token) {
        HttpResponse<String> response = get("/api/roster?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8), token);
        assertEquals(200, response.statusCode(), response.body());
        return (JsonArray) ApiClient.json(response);
    }

    @Test
    void adminImportsTheRosterKeepingGoodLinesAndReportingBadOnes() {
        HttpResponse<String> response = importFile(exportedRoster("active"), DemoAccounts.ADMIN.token());

        assertEquals(200, response.statusCode(), response.body());
        JsonObject report = object(response);
        assertEquals(2, report.getInt("created"));
        assertEquals(1, report.getInt("duplicateRows"));
        JsonArray rejected = report.getJsonArray("rejected");
        assertEquals(2, rejected.size(), rejected.toString());
        assertEquals(6, rejected.getJsonObject(0).getInt("line"));
        assertTrue(rejected.getJsonObject(0).getString("reason").contains("honorary"));
        assertEquals(7, rejected.getJsonObject(1).getInt("line"));

        JsonArray amira = search(prefix + "1", DemoAccounts.LEAD.token());
        assertEquals(1, amira.size());
        assertEquals("Khan, Amira", amira.getJsonObject(0).getString("fullName"));
        assertEquals("SW1A 1AA", amira.getJsonObject(0).getString("postcode"));
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        String token = DemoAccounts.ADMIN.token();
        importFile(exportedRoster("active"), token);

        JsonObject again = object(importFile(exportedRoster("active"), token));

        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(2, again.getInt("unchanged"));
        assertEquals(2, search(prefix, token).size(), "no member twice");
    }

    @Test
    void theSameFileSentTwiceAtOnceAddsItsMembersOnce() {
        String token = DemoAccounts.ADMIN.token();

        List<HttpResponse<String>> both = ApiClient.twiceAtOnce(() -> importFile(exportedRoster("active"), token));

        both.forEach(response -> assertEquals(200, response.statusCode(), response.body()));
        assertEquals(2, both.stream().mapToInt(response -> object(response).getInt("created")).sum(), "one adds both, the other finds them");
        assertEquals(2, search(prefix, token).size(), "no member twice");
    }

    @Test
    void reimportUpdatesAChangedMemberWithoutDuplicatingThem() {
        String token = DemoAccounts.ADMIN.token();
        importFile(exportedRoster("active"), token);

        JsonObject report = object(importFile(exportedRoster("lapsed"), token));

        assertEquals(1, report.getInt("updated"));
        JsonArray ben = search(prefix + "2", token);
        assertEquals(1, ben.size());
        assertEquals("lapsed", ben.getJsonObject(0).getString("status"));
    }

    @Test
    void aFileWithoutEmailOrPostcodeColumnsLeavesThoseOnRecord() {
        String token = DemoAccounts.ADMIN.token();
        importFile(exportedRoster("active"), token);

        JsonObject report = object(importFile("Membership number,Full name,Status\r\n" + prefix + "1,\"Khan, Amira\",lapsed\r\n", token));

        assertEquals(1, report.getInt("updated"));
        JsonObject amira = search(prefix + "1", token).getJsonObject(0);
        assertEquals("lapsed", amira.getString("status"));
        assertEquals("amira@example.org", amira.getString("email"), "a column the file has not is no news about it");
        assertEquals("SW1A 1AA", amira.getString("postcode"));
    }

    @Test
    void aBlankEmailOrPostcodeInAFileWithThoseColumnsClearsThem() {
        String token = DemoAccounts.ADMIN.token();
        importFile(exportedRoster("active"), token);

        importFile("Membership number,Full name,Status,Email,Postcode\r\n" + prefix + "1,\"Khan, Amira\",active,,\r\n", token);

        JsonObject amira = search(prefix + "1", token).getJsonObject(0);
        assertFalse(amira.containsKey("email"), amira.toString());
        assertFalse(amira.containsKey("postcode"), amira.toString());
    }

    @Test
    void importIsRecordedInTheAuditTrail() {
        String token = DemoAccounts.ADMIN.token();
        String importId = object(importFile(exportedRoster("active"), token)).getString("importId");

        JsonArray trail = (JsonArray) ApiClient.json(get("/api/audit?limit=50", token));
        JsonObject entry = trail.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("subjectId").equals(importId)).findFirst().orElseThrow();
        assertEquals("roster.imported", entry.getString("action"));
        assertEquals("Ada Admin", entry.getString("actorName"));
        assertTrue(entry.getString("reason").contains("2 added"), entry.getString("reason"));
    }

    @Test
    void fileWithoutRequiredColumnsIsRefusedNamingThem() {
        HttpResponse<String> response = importFile("Name,Email\r\nAmira,amira@example.org\r\n", DemoAccounts.ADMIN.token());

        assertEquals(400, response.statusCode());
        assertTrue(contentType(response).startsWith("application/problem+json"));
        assertTrue(object(response).getString("detail").contains("membership number, status"), response.body());
    }

    @Test
    void aLeadFindsANameWithOrWithoutItsAccents() {
        String name = "Šárka Núñez " + prefix;
        HttpResponse<String> imported = importFile("full name,membership number,email,postcode,status\r\n"
                + name + "," + prefix + "5,sarka@example.org,,active\r\n", DemoAccounts.ADMIN.token());
        assertEquals(200, imported.statusCode(), imported.body());
        String token = DemoAccounts.LEAD.token();

        for (String typed : new String[] {"sarka nunez " + prefix, "ŠÁRKA NÚÑEZ " + prefix, "Sárka Nunez " + prefix}) {
            JsonArray found = search(typed, token);
            assertEquals(1, found.size(), typed + " finds her: " + found);
            assertEquals(name, found.getJsonObject(0).getString("fullName"), "shown as written");
        }
    }

    /**
     * Letters a list of accented letters once missed (ľ, ķ, ŕ), a stroked one with no accent to
     * drop (ø), and a name written taken apart, its accent a character of its own as some phones
     * write it, are all found by their plain letters.
     */
    @Test
    void aLeadFindsANameOfAnyLatinAlphabetByItsPlainLetters() {
        String slovak = "Ľubomír Ķirsons-Kŕdeľ " + prefix;
        String decomposed = "Zoe\u0308 Løkken " + prefix;
        HttpResponse<String> imported = importFile("full name,membership number,email,postcode,status\r\n"
                + slovak + "," + prefix + "6,lubomir@example.org,,active\r\n"
                + decomposed + "," + prefix + "7,zoe@example.org,,active\r\n", DemoAccounts.ADMIN.token());
        assertEquals(200, imported.statusCode(), imported.body());
        String token = DemoAccounts.LEAD.token();

        for (String[] typedAndFound : new String[][] {{"lubomir kirsons-krdel " + prefix, slovak}, {"zoe lokken " + prefix, decomposed},
                {"Zoë Løkken " + prefix, decomposed}}) {
            JsonArray found = search(typedAndFound[0], token);
            assertEquals(1, found.size(), typedAndFound[0] + " finds them: " + found);
            assertEquals(typedAndFound[1], found.getJsonObject(0).getString("fullName"), "shown as written");
        }
    }

    @Test
    void leadLooksPeopleUpButCannotImport() {
        String token = DemoAccounts.LEAD.token();

        assertEquals(403, importFile(exportedRoster("active"), token).statusCode());
        assertEquals(200, get("/api/roster?q=x", token).statusCode());
    }

    @Test
    void producersAndUnvettedPeopleNeitherReadNorImportTheRoster() {
        for (DemoAccounts account : new DemoAccounts[] {DemoAccounts.PRODUCER, DemoAccounts.NEWCOMER}) {
            String token = account.token();
            HttpResponse<String> read = get("/api/roster", token);
            assertEquals(403, read.statusCode());
            assertTrue(contentType(read).startsWith("application/problem+json"));
            assertEquals(403, importFile(exportedRoster("active"), token).statusCode());
        }
    }
}
