package org.videoplatform.members.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a member's chosen name is read against the names of leads and admins. */
class StaffNamesTest {

    private static final List<String> LEE_LEAD = KeycloakAccounts.words("Lee Lead");

    @Test
    void namesAreReadAsTheirWordsAlone() {
        assertEquals(List.of("lee", "lead"), KeycloakAccounts.words("  Lee.   LEAD!! "));
        assertEquals(List.of("lee", "lead"), KeycloakAccounts.words("Léé Lead"));
        assertEquals(List.of("lee", "lead"), KeycloakAccounts.words("Ｌｅｅ Ｌｅａｄ"), "full-width letters fold to plain ones");
        assertEquals(List.of("nadia", "n"), KeycloakAccounts.words("Nadia N."));
        assertEquals(List.of(), KeycloakAccounts.words(" (…) "));
    }

    @Test
    void keycloakIsAskedForTheWordsAsTypedAndAsRead() {
        // Keycloak matches the start of names as stored, accents and hyphens and all.
        assertTrue(KeycloakAccounts.searches("José Lead").containsAll(List.of("José Lead", "José", "jose lead", "jose", "lead")));
        assertTrue(KeycloakAccounts.searches("the real Anne-Marie Lead").containsAll(List.of("Anne-Marie Lead", "Anne-Marie", "marie lead")));
        assertFalse(KeycloakAccounts.searches("Nadia N.").contains("n"), "a single letter would find most of the realm");
        assertTrue(KeycloakAccounts.searches("  ").isEmpty());
    }

    @Test
    void aNameHoldsAStaffNameWhereverItsWordsStandTogether() {
        for (String name : List.of("Lee Lead.", "the real Lee Lead (lead)", "LEE-LEAD", "Lee Lead 2")) {
            assertTrue(KeycloakAccounts.holds(KeycloakAccounts.words(name), LEE_LEAD), name);
        }
        for (String name : List.of("Lee Leadbetter", "Lead Lee", "Lee the Lead", "Lee")) {
            assertFalse(KeycloakAccounts.holds(KeycloakAccounts.words(name), LEE_LEAD), name);
        }
        assertFalse(KeycloakAccounts.holds(KeycloakAccounts.words("Lee Lead"), List.of()), "an account without a name holds nothing");
    }
}
