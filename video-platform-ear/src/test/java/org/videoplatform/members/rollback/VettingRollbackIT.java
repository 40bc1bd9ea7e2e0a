package org.videoplatform.members.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.videoplatform.ApiClient.send;

import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.DemoAccounts;
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformEar;
import org.videoplatform.members.CheckedInAttendee;

/**
 * Keycloak is not part of the database transaction: a vetting that opened an account and then
 * did not commit must not leave a producer account behind that no member record points to.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VettingRollbackIT {

    private static final String JSON = "application/json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(VettingRollbackIT.class.getPackage());
    }

    @Test
    void anAccountOpenedByAVettingThatRolledBackIsDeletedAndTheAttendeeCanBeVettedAfterwards() {
        String lead = DemoAccounts.LEAD.token();
        CheckedInAttendee attendee = CheckedInAttendee.named("Robin Rollback", lead);
        String email = attendee.email();

        HttpResponse<String> rolledBack = send("POST", "/api/vetting-rollback-probe/" + attendee.workshop() + "/" + attendee.attendee(),
                lead, null, null);
        assertEquals(200, rolledBack.statusCode(), rolledBack.body());
        String opened = rolledBack.body();
        assertEquals(List.of(), KeycloakAdmin.usersWithEmail(email), "the account " + opened + " was deleted with the rollback");

        HttpResponse<String> vetted = send("POST", attendee.vetting(), lead, JSON, "{\"outcome\": \"VETTED\"}");
        assertEquals(200, vetted.statusCode(), vetted.body());
        List<String> accounts = KeycloakAdmin.usersWithEmail(email).stream().map(user -> user.getString("id")).toList();
        assertEquals(1, accounts.size());
        assertNotEquals(opened, accounts.get(0), "a fresh account, not the one rolled back");
    }
}
