package org.videoplatform.identity.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.videoplatform.members.boundary.Members;
import org.videoplatform.problems.Problem;

/**
 * Refuses the tokens of suspended and revoked members on their very next request. Keycloak stops
 * issuing them tokens, but an access token already issued stays valid until it expires; this
 * filter is what makes cutting someone off immediate.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class WithdrawnAccessFilter implements ContainerRequestFilter {

    @Inject
    Members members;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            return;
        }
        String account = Callers.token(request.getSecurityContext()).getSubject();
        if (members.hasWithdrawnAccess(account)) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN,
                    "Your access to the platform has been withdrawn. Speak to the video lead if you think this is wrong.",
                    request.getUriInfo().getRequestUri().getRawPath()).toResponse());
        }
    }
}
