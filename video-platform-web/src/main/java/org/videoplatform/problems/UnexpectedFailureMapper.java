package org.videoplatform.problems;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper claims. A failure wrapped by the container is unwrapped and handed
 * to the mapper of its cause; anything else is a bug: logged in full under an incident id that
 * the client sees, so a report can be matched to the log without exposing internals.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable failure) {
        // The EJB and transaction layers wrap what a boundary threw, sometimes twice: the first
        // cause that has a mapper of its own decides the answer.
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            if (mapper != null && !(mapper instanceof UnexpectedFailureMapper)) {
                return mapper.toResponse(cause);
            }
        }
        String incident = UUID.randomUUID().toString();
        // The path alone: a query holds what was searched for, names and emails among it, which the log keeps for weeks.
        LOG.log(Level.SEVERE, "Incident " + incident + " on " + uri.getRequestUri().getRawPath(), failure);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. It has been logged as incident " + incident + ".",
                Problem.pathOf(uri)).toResponse();
    }
}
