package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;

/**
 * Where a mail server is configured, vetting also has Keycloak email the member a link to choose
 * their password. The tests run the mail server (GreenMail) that the test realm sends to.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvitationIT {

    private static final String JSON = "application/json";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("vp.it.smtp-port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void vettedMemberIsEmailedALinkToSetTheirPassword() throws Exception {
        String email = "invited." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String lead = DemoAccounts.LEAD.token();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        String workshop = object(send("POST", "/api/workshops", lead, JSON, Json.createObjectBuilder()
                .add("title", "Invitations").add("venue", "Hall").add("city", "Bath").add("capacity", 5)
                .add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString()).build().toString())).getString("id");
        String attendees = "/api/workshops/" + workshop + "/attendees";
        String attendee = object(send("POST", attendees, lead, JSON,
                Json.createObjectBuilder().add("fullName", "Ivy Invited").add("email", email).build().toString())).getString("id");
        send("POST", attendees + "/" + attendee + "/check-in", lead, null, null);

        HttpResponse<String> vetted = send("POST", attendees + "/" + attendee + "/vetting", lead, JSON, "{\"outcome\": \"VETTED\"}");

        assertEquals(200, vetted.statusCode(), vetted.body());
        assertTrue(object(vetted).getBoolean("invitationToFollow"), vetted.body());
        assertTrue(MAIL.waitForIncomingEmail(30_000, 1), "an email arrives");
        MimeMessage invitation = MAIL.getReceivedMessagesForDomain("example.org")[0];
        assertEquals(email, invitation.getAllRecipients()[0].toString());
        String body = GreenMailUtil.getBody(invitation);
        assertTrue(body.contains(System.getProperty("vp.it.keycloak-url") + "/realms/video-platform/login-actions/action-token"),
                body);
    }
}
