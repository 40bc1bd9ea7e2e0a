package org.videoplatform.identity.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformRoleTest {

    @Test
    void onlyThePlatformsOwnRolesAreReportedInAFixedOrder() {
        Set<String> tokenRoles = Set.of("offline_access", "admin", "uma_authorization", "producer");

        assertEquals(List.of("producer", "admin"), PlatformRole.heldBy(tokenRoles::contains));
    }

    @Test
    void personWithoutPlatformRolesHoldsNone() {
        assertEquals(List.of(), PlatformRole.heldBy(Set.of("default-roles-video-platform")::contains));
    }
}
