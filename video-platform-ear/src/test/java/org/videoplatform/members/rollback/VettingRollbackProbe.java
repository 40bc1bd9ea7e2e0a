package org.videoplatform.members.rollback;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.members.boundary.Vettings;
import org.videoplatform.members.entity.VettingOutcome;

/**
 * Deployed by VettingRollbackIT only: vets an attendee inside a transaction that is then rolled
 * back, as when the database refuses the commit after Keycloak has opened the account.
 */
@Path("vetting-rollback-probe/{workshop}/{attendee}")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class VettingRollbackProbe {

    @Inject
    Vettings vettings;

    @Resource
    UserTransaction transaction;

    @Context
    SecurityContext security;

    /** @return the id of the account the vetting opened before it was rolled back */
    @POST
    @RolesAllowed("video-lead")
    public String vetAndRollBack(@PathParam("workshop") UUID workshop, @PathParam("attendee") UUID attendee) throws Exception {
        transaction.begin();
        try {
            return vettings.decide(workshop, attendee, VettingOutcome.VETTED, null, null, new Actor(security.getUserPrincipal().getName(), "rollback probe")).orElseThrow()
                    .member().keycloakUserId();
        } finally {
            transaction.rollback();
        }
    }
}
