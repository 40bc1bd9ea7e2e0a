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
        AccessToken token = Callers.token(security);
        return new MeView(token.getSubject(), token.getPreferredUsername(), Callers.displayName(token), token.getEmail(),
                PlatformRole.heldBy(security::isUserInRole));
    }
}
