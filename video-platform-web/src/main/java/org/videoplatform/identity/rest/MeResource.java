package org.videoplatform.identity.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * The signed-in caller. Open to every valid token, including people who hold no platform role
 * yet, so the browser can tell them why they see nothing.
 */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Context
    SecurityContext security;

    /** @param id the identity provider's stable id for the person (the token's subject) */
    public record MeView(String id, String username, String name, String email, List<String> roles) {
    }

    @GET
    public MeView me() {
        AccessToken token = ((OidcPrincipal<?>) security.getUserPrincipal()).getOidcSecurityContext().getToken();
        String username = token.getPreferredUsername();
        String name = token.getName() != null ? token.getName() : username;
        return new MeView(token.getSubject(), username, name, token.getEmail(), PlatformRole.heldBy(security::isUserInRole));
    }
}
