package org.videoplatform.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.List;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.members.boundary.Roster;
import org.videoplatform.members.boundary.RosterImportReport;
import org.videoplatform.members.entity.RosterEntry;
import org.videoplatform.problems.MaxRequestBytes;

/** The membership roster: personal data about political membership, so leads and admins only. */
@Path("roster")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"video-lead", "admin"})
public class RosterResource {

    /** Generous for a roster (tens of thousands of members), small enough to hold in memory. */
    static final long MAX_ROSTER_FILE_BYTES = 20L * 1024 * 1024;

    @Inject
    Roster roster;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    public record RosterEntryView(String id, String membershipNumber, String fullName, String email, String postcode,
                                  String status, OffsetDateTime lastChangedAt) {

        static RosterEntryView from(RosterEntry entry) {
            return new RosterEntryView(entry.id().toString(), entry.membershipNumber(), entry.fullName(), entry.email(),
                    entry.postcode(), entry.status().label(), entry.lastChangedAt());
        }
    }

    /** The roster file exactly as exported (CSV, UTF-8); the answer reports every line not imported. */
    @POST
    @Path("imports")
    // Browsers call CSV files text/csv, text/plain or, where Excel is installed, application/vnd.ms-excel.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("admin")
    @MaxRequestBytes(MAX_ROSTER_FILE_BYTES)
    public RosterImportReport importRoster(byte[] file) {
        return roster.importFile(file, actors.of(security));
    }

    @GET
    @RolesAllowed({"video-lead", "admin"})
    public List<RosterEntryView> search(@QueryParam("q") @Size(max = 100) String term,
                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Roster.MAX_SEARCH_RESULTS) int limit) {
        return roster.search(term, limit).stream().map(RosterEntryView::from).toList();
    }
}
