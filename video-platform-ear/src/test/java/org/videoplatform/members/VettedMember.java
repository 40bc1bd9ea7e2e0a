package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoplatform.ApiClient.object;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.videoplatform.DemoAccounts;
import org.videoplatform.KeycloakAdmin;

/**
 * A member vetted at a workshop, through the API as a lead does it, who has then set their own
 * password as they would at first sign-in.
 */
public record VettedMember(String memberId, String accountId, String email, String password) {

    public static VettedMember vetted(String fullName) {
        String lead = DemoAccounts.LEAD.token();
        CheckedInAttendee attendee = CheckedInAttendee.named(fullName, lead);
        String email = attendee.email();
        HttpResponse<String> vetted = attendee.vet(lead);
        assertEquals(200, vetted.statusCode(), vetted.body());
        String accountId = KeycloakAdmin.usersWithEmail(email).get(0).getString("id");
        String password = "a passphrase of their own " + UUID.randomUUID();
        KeycloakAdmin.setOwnPassword(accountId, password);
        return new VettedMember(object(vetted).getString("memberId"), accountId, email, password);
    }

    public String token() {
        return DemoAccounts.tokenFor(email, password);
    }
}
