package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.object;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
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

    @RegisterExtension
    static final GreenMailExtension MAIL = RealmMailServer.forEachTest();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void vettedMemberIsEmailedALinkToSetTheirPassword() throws Exception {
        String email = "invited." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String lead = DemoAccounts.LEAD.token();
        CheckedInAttendee attendee = CheckedInAttendee.withEmail("Ivy Invited", email, lead);

        HttpResponse<String> vetted = attendee.vet(lead);

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
