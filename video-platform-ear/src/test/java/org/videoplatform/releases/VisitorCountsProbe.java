package org.videoplatform.releases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.videoplatform.releases.boundary.VisitorCounts;
import org.videoplatform.releases.boundary.VisitorSalts;

/** Deployed by ReleasesIT only: runs the nightly counting of visitors, and the forgetting of past days' salts, now. */
@Path("visitor-counts-probe")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class VisitorCountsProbe {

    @Inject
    VisitorCounts counts;

    @Inject
    VisitorSalts salts;

    @POST
    @RolesAllowed("admin")
    public String countLongPastDays() {
        return Integer.toString(counts.countLongPastDays());
    }

    @POST
    @Path("salts")
    @RolesAllowed("admin")
    public void forgetPastDaysSalts() {
        salts.forgetPastDays();
    }
}
