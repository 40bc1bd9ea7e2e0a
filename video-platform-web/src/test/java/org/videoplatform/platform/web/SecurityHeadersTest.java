package org.videoplatform.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split("; ")).collect(Collectors.toMap(d -> d.split(" ")[0],
                d -> d.substring(d.indexOf(' ') + 1), (a, b) -> a + " | " + b));
    }

    @Test
    void scriptsComeOnlyFromThePlatformAndRequestsGoOnlyToItsKeycloakAndStore() {
        Map<String, String> policy = directives(SecurityHeaders.policy("https://id.example.org/auth/", "https://files.example.org:9000"));

        assertEquals("'self'", policy.get("script-src"));
        assertEquals("'self' https://id.example.org https://files.example.org:9000", policy.get("connect-src"),
                "tokens from Keycloak, parts to the store; paths are not part of an origin");
        assertTrue(policy.get("media-src").contains("https://files.example.org:9000"));
        assertEquals("'none'", policy.get("frame-ancestors"));
        assertFalse(policy.values().stream().anyMatch(v -> v.contains("unsafe")), "no inline scripts or styles, no eval");
    }

    @Test
    void aMisconfiguredAddressStopsTheStartInsteadOfOpeningThePolicy() {
        Function<String, String> withStore = store -> SecurityHeaders.policy("http://localhost:8180", store);
        assertThrows(IllegalArgumentException.class, () -> withStore.apply("localhost:8280"));
        assertThrows(IllegalArgumentException.class, () -> withStore.apply("/storage"));
    }
}
