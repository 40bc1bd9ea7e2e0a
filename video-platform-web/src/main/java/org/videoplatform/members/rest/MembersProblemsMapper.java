package org.videoplatform.members.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.videoplatform.members.boundary.VettingRefused;
import org.videoplatform.members.control.AccountConflict;
import org.videoplatform.members.control.AccountServiceFailed;
import org.videoplatform.members.entity.MemberStateRefused;
import org.videoplatform.problems.Problem;

/** Vetting or an access change that cannot happen now (409), and Keycloak failing underneath them (503, nothing recorded). */
public final class MembersProblemsMapper {

    private static final Logger LOG = Logger.getLogger(MembersProblemsMapper.class.getName());

    private MembersProblemsMapper() {
    }

    @Provider
    public static class VettingRefusedMapper implements ExceptionMapper<VettingRefused> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(VettingRefused refused) {
            return Problem.of(Response.Status.CONFLICT, refused.getMessage(), Problem.pathOf(uri)).toResponse();
        }
    }

    @Provider
    public static class MemberStateRefusedMapper implements ExceptionMapper<MemberStateRefused> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(MemberStateRefused refused) {
            return Problem.of(Response.Status.CONFLICT, refused.getMessage(), Problem.pathOf(uri)).toResponse();
        }
    }

    @Provider
    public static class AccountConflictMapper implements ExceptionMapper<AccountConflict> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(AccountConflict conflict) {
            return Problem.of(Response.Status.CONFLICT, conflict.getMessage(), Problem.pathOf(uri)).toResponse();
        }
    }

    @Provider
    public static class AccountServiceFailedMapper implements ExceptionMapper<AccountServiceFailed> {

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
}
