package org.videoplatform.problems;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Deployed by ProblemsIT only: an endpoint with a validated JSON body and ones that fail, so
 * the API's error handling is exercised before the capabilities that will rely on it exist.
 */
@Path("problem-probe")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public enum Format { SHORT, FEATURE }

    public record Draft(@NotBlank String title, @Size(max = 200) String logline, Format format, LocalDate deadline, Long views,
                        OffsetDateTime startsAt, Double rate) {
    }

    @POST
    public Draft echo(@Valid Draft draft) {
        return draft;
    }

    /** An answer whose writing fails, as one of a type JSON-B cannot write would. */
    public record Unwritable(String title) {
        @Override
        public String title() {
            throw new IllegalStateException("a view with a bug");
        }
    }

    @GET
    @Path("unwritable")
    public Unwritable unwritable() {
        return new Unwritable("Bus fares");
    }

    @POST
    @Path("failure")
    public Draft fail(Draft draft) {
        throw new IllegalStateException("a bug with internals: " + System.getProperty("java.home"));
    }
}
