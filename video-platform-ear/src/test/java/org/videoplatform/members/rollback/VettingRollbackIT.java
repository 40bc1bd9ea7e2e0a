package org.videoplatform.members.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.object;
import static org.videoplatform.ApiClient.send;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.videoplatform.DemoAccounts;
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformEar;
import org.videoplatform.members.CheckedInAttendee;
import org.videoplatform.members.RealmMailServer;

/**
 * Keycloak is not part of the database transaction: a vetting that opened an account and then
 * did not commit must not leave a producer account behind that no member record points to, nor
 * have emailed an invitation to it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VettingRollbackIT {

    private static final String JSON = "application/json";

    @RegisterExtension
    static final GreenMailExtension MAIL = RealmMailServer.forEachTest();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(VettingRollbackIT.class.getPackage());
    }

    @Test
    void anAccountOpenedByAVettingThatRolledBackIsDeletedAndTheAttendeeCanBeVettedAfterwards() {
        String lead = DemoAccounts.LEAD.token();
        CheckedInAttendee attendee = CheckedInAttendee.named("Robin Rollback", lead);
        String email = attendee.email();

        String opened = vetAndRollBack(attendee, lead);
        assertEquals(List.of(), KeycloakAdmin.usersWithEmail(email), "the account " + opened + " was deleted with the rollback");

        HttpResponse<String> vetted = attendee.vet(lead);
        assertEquals(200, vetted.statusCode(), vetted.body());
        List<String> accounts = KeycloakAdmin.usersWithEmail(email).stream().map(user -> user.getString("id")).toList();
        assertEquals(1, accounts.size());
        assertNotEquals(opened, accounts.get(0), "a fresh account, not the one rolled back");
        assertTrue(MAIL.waitForIncomingEmail(30_000, 1), "the vetting that stood sends its invitation");
        assertEquals(1, MAIL.getReceivedMessages().length, "the one that rolled back sent none: its link would lead nowhere");
    }

    @Test
    void aRevokedMembersAccountReopenedByAVettingThatRolledBackIsClosedAgain() {
        String lead = DemoAccounts.LEAD.token();
        CheckedInAttendee first = CheckedInAttendee.named("Rory Returning", lead);
        HttpResponse<String> vetted = first.vet(lead);
        assertEquals(200, vetted.statusCode(), vetted.body());
        String member = object(vetted).getString("memberId");
        assertEquals(200, send("POST", "/api/members/" + member + "/revocation", lead, JSON, "{\"reason\": \"left the campaign\"}")
                .statusCode());
        CheckedInAttendee again = CheckedInAttendee.withEmail("Rory Returning", first.email(), lead);

        String reopenedThenClosed = vetAndRollBack(again, lead);
        assertFalse(KeycloakAdmin.user(reopenedThenClosed).getBoolean("enabled"), "the revoked member's account is closed again");

        HttpResponse<String> reopened = again.vet(lead);
        assertEquals(200, reopened.statusCode(), reopened.body());
        assertTrue(KeycloakAdmin.user(reopenedThenClosed).getBoolean("enabled"), "a vetting that stands re-opens it");
        assertTrue(MAIL.waitForIncomingEmail(30_000, 2), "the two vettings that stood send their invitations");
        assertEquals(2, MAIL.getReceivedMessages().length, "the one that rolled back sent none");
    }

    /** @return the account the vetting opened or re-opened before VettingRollbackProbe rolled it back */
    private static String vetAndRollBack(CheckedInAttendee attendee, String lead) {
        HttpResponse<String> rolledBack = send("POST", "/api/vetting-rollback-probe/" + attendee.workshop() + "/" + attendee.attendee(),
                lead, null, null);
        assertEquals(200, rolledBack.statusCode(), rolledBack.body());
        return rolledBack.body();
    }
}
