package org.videoplatform.identity.rest;

import jakarta.ws.rs.core.SecurityContext;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** The signed-in caller as the token the container has already verified describes them. */
public final class Callers {

    private Callers() {
    }

    public static AccessToken token(SecurityContext security) {
        return ((OidcPrincipal<?>) security.getUserPrincipal()).getOidcSecurityContext().getToken();
    }

    public static String displayName(AccessToken token) {
        return token.getName() != null ? token.getName() : token.getPreferredUsername();
    }
}
