package org.videoplatform.pitches.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.videoplatform.members.boundary.Members;
import org.videoplatform.members.entity.Skill;

/**
 * Members a producer or lead could invite onto a crew: by skill and region. Only what a crew needs
 * to know is shown (the name the member chose, region, skills), never emails or full names.
 */
@Path("crew-candidates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class CrewCandidatesResource {

    @Inject
    Members members;

    public record CandidateView(String memberId, String displayName, String region, Set<Skill> skills) {
    }

    @GET
    public List<CandidateView> find(@QueryParam("skill") @NotNull Skill skill, @QueryParam("region") @Size(max = 100) String region) {
        return members.crew(skill, region, 50).stream()
                .map(m -> new CandidateView(m.id().toString(), m.displayName(), m.region(), m.skills()))
                .toList();
    }
}
