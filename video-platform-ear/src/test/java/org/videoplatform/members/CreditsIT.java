package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformDatabase;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.MediaClient;
import org.videoplatform.media.TestMedia;
import org.videoplatform.members.entity.Member;

/**
 * Members are credited by the name they are shown by, not their roster name: a crew mate reading a
 * pitch's discussion or a cut's comments learns no more of them than a crew search shows. A new
 * name, or an erasure, reaches everything they made before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CreditsIT {

    private static final String JSON = "application/json";

    @TempDir
    static Path media;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void crewAreCreditedByTheirShownNameThenTheirChosenOneThenAnonymously() throws Exception {
        VettedMember crewMember = VettedMember.vetted("Nadia Nakamura-Okafor");
        String crew = crewMember.token();
        String producer = DemoAccounts.PRODUCER.token();
        String lead = DemoAccounts.LEAD.token();
        String pitch = object(send("POST", "/api/pitches", producer, JSON, "{\"title\": \"Credits " + System.nanoTime() + "\"}"))
                .getString("id");
        assertEquals(201, send("POST", "/api/pitches/" + pitch + "/crew", producer, JSON,
                "{\"memberId\": \"" + crewMember.memberId() + "\"}").statusCode());
        assertEquals(201, send("POST", "/api/pitches/" + pitch + "/comments", crew, JSON, "{\"body\": \"I have a tripod\"}")
                .statusCode());
        assertEquals(200, send("POST", "/api/pitches/" + pitch + "/submission", producer, null, null).statusCode());
        String production = object(send("POST", "/api/pitches/" + pitch + "/greenlight", lead, JSON, "{\"reason\": \"Go\"}"))
                .getString("id");
        MediaClient client = MediaClient.platform();
        String cut = client.upload(producer, production, TestMedia.NO_AUDIO.write(media));
        assertEquals("READY", client.awaitSettled(producer, production, cut, Duration.ofMinutes(2)).getString("state"));
        String producerId = object(get("/api/me", producer)).getString("id");
        String asked = "Reshoot? " + UUID.randomUUID();
        assertEquals(201, send("POST", "/api/cuts/" + cut + "/comments", crew, JSON,
                "{\"frame\": 1, \"body\": \"" + asked + "\", \"mentions\": [\"" + producerId + "\"]}").statusCode());
        HttpResponse<String> mention = send("POST", "/api/cuts/" + cut + "/comments", producer, JSON,
                "{\"frame\": 2, \"body\": \"Can you?\", \"mentions\": [\"" + crewMember.accountId() + "\"]}");
        assertEquals(201, mention.statusCode(), mention.body());
        assertEquals(200, send("PUT", "/api/comments/" + object(mention).getString("id") + "/resolution", crew, JSON,
                "{\"resolved\": true}").statusCode());
        // Where the crew member is named: the pitch comment, the crew place, the team, the cut comment, the
        // mention and the resolution.
        int credits = 6;
        List<String> seenByTheProducer = List.of("/api/pitches/" + pitch + "/comments", "/api/pitches/" + pitch + "/crew",
                "/api/productions/" + production + "/review/team", "/api/cuts/" + cut + "/comments");

        assertCreditedAs("Nadia N.", "Nakamura", seenByTheProducer, producer, credits);
        assertTrue(notification(producer, asked).startsWith("Nadia N. mentioned you"));

        HttpResponse<String> renamed = send("PUT", "/api/profile", crew, JSON,
                "{\"displayName\": \"Nadz\", \"skills\": [], \"portfolioLinks\": []}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertCreditedAs("Nadz", "Nadia", seenByTheProducer, producer, credits);
        assertTrue(notification(producer, asked).startsWith("Nadz mentioned you"));

        assertTrue(notification(crew, "Can you?").contains("mentioned you"), "the mention reached the crew member");

        assertEquals(200, send("POST", "/api/members/" + crewMember.memberId() + "/erasure", DemoAccounts.ADMIN.token(), JSON,
                "{\"reason\": \"asked to be forgotten\"}").statusCode());
        assertCreditedAs("Former member", "Nadz", seenByTheProducer, producer, credits);
        assertTrue(notification(producer, asked).startsWith("Former member mentioned you"));
        assertEquals(0, notificationsTo(crewMember.accountId()), "what was addressed to them goes with them");
    }

    private static String notification(String token, String saying) {
        return ((JsonArray) ApiClient.json(get("/api/notifications", token))).getValuesAs(JsonObject.class).stream()
                .map(n -> n.getString("message")).filter(message -> message.contains(saying)).findFirst()
                .orElseThrow(() -> new AssertionError("no notification says " + saying));
    }

    private static int notificationsTo(String accountId) throws SQLException {
        try (Connection db = PlatformDatabase.connect();
             PreparedStatement count = db.prepareStatement("SELECT count(*) FROM notifications WHERE recipient_id = ?")) {
            count.setString(1, accountId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** Reads each page as the producer sees it, and counts where the credit appears. */
    private static void assertCreditedAs(String credit, String notThere, List<String> pages, String token, int times) {
        int found = 0;
        for (String page : pages) {
            HttpResponse<String> response = get(page, token);
            assertEquals(200, response.statusCode(), page + ": " + response.body());
            assertFalse(response.body().contains(notThere), page + " still names " + notThere + ": " + response.body());
            found += response.body().split(Pattern.quote("\"" + credit + "\""), -1).length - 1;
        }
        assertEquals(times, found, "credits of " + credit);
    }

    @Test
    void theMigrationCreditsByTheSameRuleAsTheMember() throws SQLException {
        String[][] names = {{"Rosa Quintero", null}, {"Rosa   María  de la Quintana ", null}, {"Cher", null},
                {"Élodie Østergård", null}, {"Ayşe Ünal", "Ayşe from Leeds"}};
        try (Connection db = PlatformDatabase.connect();
             PreparedStatement credit = db.prepareStatement("SELECT member_credit(?, ?)")) {
            for (String[] name : names) {
                Member member = new Member("someone@example.org", name[0], null);
                member.describe(name[1], null, Set.of(), null, List.of());
                credit.setString(1, name[0]);
                credit.setString(2, name[1]);
                try (ResultSet result = credit.executeQuery()) {
                    result.next();
                    assertEquals(member.displayName(), result.getString(1), name[0]);
                }
            }
        }
    }

    @Test
    void theMigrationRewritesWhatWasCreditedByTheRosterName() throws Exception {
        // The migration finds names only one member has: this one is new each run.
        String firstName = "Oona" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String fullName = firstName + " Old";
        VettedMember member = VettedMember.vetted(fullName);
        String pitch = object(send("POST", "/api/pitches", member.token(), JSON, "{\"title\": \"From before\"}")).getString("id");
        String production = MediaClient.platform().production(member.token(), "Made before");
        UUID notification = UUID.randomUUID();
        try (Connection db = PlatformDatabase.connect()) {
            // As rows were stored before credits followed the shown name: the roster's name, and no sender's id.
            try (PreparedStatement before = db.prepareStatement("UPDATE pitches SET owner_name = ? WHERE id = ?")) {
                before.setString(1, fullName);
                before.setObject(2, UUID.fromString(pitch));
                assertEquals(1, before.executeUpdate());
            }
            try (PreparedStatement before = db.prepareStatement("INSERT INTO notifications (id, recipient_id, production_id, message, "
                    + "created_at) VALUES (?, 'someone', ?, ?, now())")) {
                before.setObject(1, notification);
                before.setObject(2, UUID.fromString(production));
                before.setString(3, fullName + " mentioned you on “Made before” v1: look");
                assertEquals(1, before.executeUpdate());
            }
            try (Statement migration = db.createStatement()) {
                for (String update : rewritesOfTheMigration()) {
                    migration.executeUpdate(update);
                }
            }
            try (PreparedStatement after = db.prepareStatement("SELECT message FROM notifications WHERE id = ?")) {
                after.setObject(1, notification);
                try (ResultSet message = after.executeQuery()) {
                    message.next();
                    assertEquals(firstName + " O. mentioned you on “Made before” v1: look", message.getString(1));
                }
            }
        }

        assertEquals(firstName + " O.", object(get("/api/pitches/" + pitch, member.token())).getString("ownerName"));
    }

    /** The migration's rewrites, run again on rows made as they were before it. */
    private static List<String> rewritesOfTheMigration() throws IOException {
        try (InputStream migration = Member.class.getResourceAsStream("/db/migration/V18__credits_follow_the_shown_name.sql")) {
            List<String> updates = new String(migration.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("UPDATE ")).toList();
            assertTrue(updates.size() >= 18, updates.toString());
            return updates;
        }
    }
}
