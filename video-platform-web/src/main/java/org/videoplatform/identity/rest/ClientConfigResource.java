package org.videoplatform.identity.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the browser signs in. Public (see web.xml): the UI needs it before it has a token, and
 * it holds nothing secret, only the realm's address and the public client's id.
 */
@Path("config")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientConfigResource {

    @Inject
    @ConfigProperty(name = "vp.keycloak.url", defaultValue = "http://localhost:8180")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "vp.keycloak.realm", defaultValue = "video-platform")
    String realm;

    @Inject
    @ConfigProperty(name = "vp.keycloak.browser-client", defaultValue = "video-platform-ui")
    String browserClient;

    public record ClientConfig(String keycloakUrl, String realm, String clientId) {
    }

    @GET
    public ClientConfig config() {
        return new ClientConfig(keycloakUrl, realm, browserClient);
    }
}
