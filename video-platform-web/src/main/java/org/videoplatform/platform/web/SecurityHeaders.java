package org.videoplatform.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videoplatform.media.control.ObjectStore;

/**
 * A Content Security Policy on every response: the pages may run only the platform's own
 * scripts and talk only to the platform, its Keycloak and its object store. The data reveals
 * political opinions, so a script slipped in through a pitch title or a comment must find
 * nothing it is allowed to load or send anywhere else.
 */
// Refusals by the container (401, 403) reach the client through the error page, so that dispatch is covered too.
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    @Inject
    @ConfigProperty(name = "vp.keycloak.url", defaultValue = "http://localhost:8180")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "vp.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    ObjectStore store;

    private String policy;

    private boolean onlyOverTls;

    @Override
    public void init() {
        policy = policy(keycloakUrl, store.browserEndpoint());
        // Behind a proxy that ends TLS the request itself may come in plain: the public address says how browsers reach it.
        onlyOverTls = URI.create(publicUrl).getScheme().equalsIgnoreCase("https");
    }

    /**
     * @param keycloakUrl where the browser signs in and fetches its tokens
     * @param storageUrl where the browser uploads parts and plays and shows what the store signs
     */
    static String policy(String keycloakUrl, String storageUrl) {
        String keycloak = origin(keycloakUrl);
        String storage = origin(storageUrl);
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                // Uppy shows thumbnails of picked files as blob: and data: images.
                "img-src 'self' data: blob: " + storage,
                // hls.js feeds the player through Media Source Extensions, as blob: URLs, and runs its demuxer in a blob: worker.
                "media-src 'self' blob: " + storage,
                "worker-src 'self' blob:",
                "connect-src 'self' " + keycloak + " " + storage,
                "frame-src " + keycloak,
                "form-action 'self' " + keycloak,
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "object-src 'none'");
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an absolute http(s) address: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Addresses carry production and cut ids; other sites, the store included, need not see them.
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // Answers name members and what they make: no browser cache keeps them, on a shared office computer least of all.
            response.setHeader("Cache-Control", "no-store");
        }
        if (onlyOverTls) {
            // Once reached over https, a browser never again sends a sign-in or a member's data over plain http.
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
