package org.videoplatform.identity.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.members.boundary.Members;
import org.wildfly.security.http.oidc.AccessToken;

/**
 * Who is acting, as what they do will be credited. The token names a member by their account's
 * name, which is the roster's full name; members are credited by the name they chose to be shown
 * by instead, so a crew mate reading their comments sees no more of them than a crew search does.
 */
@ApplicationScoped
public class Actors {

    @Inject
    Members members;

    public Actor of(SecurityContext security) {
        AccessToken token = Callers.token(security);
        return new Actor(token.getSubject(), members.creditFor(token.getSubject()).orElseGet(() -> Callers.displayName(token)));
    }
}
