package org.videoplatform.members.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.videoplatform.members.control.AccountServiceFailed;
import org.videoplatform.problems.Problem;

/** Keycloak failing underneath a decision: 503, nothing recorded, and the cause in the log. */
@Provider
public class AccountServiceFailedMapper implements ExceptionMapper<AccountServiceFailed> {

    private static final Logger LOG = Logger.getLogger(AccountServiceFailedMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(AccountServiceFailed failed) {
        LOG.log(Level.WARNING, "Keycloak call failed", failed);
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "The account service did not answer, so nothing was recorded. Try again in a moment.",
                Problem.pathOf(uri)).toResponse();
    }
}
