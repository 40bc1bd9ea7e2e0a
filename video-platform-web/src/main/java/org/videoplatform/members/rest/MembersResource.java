package org.videoplatform.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.videoplatform.identity.rest.Callers;
import org.videoplatform.members.boundary.Members;
import org.videoplatform.members.entity.Member;
import org.videoplatform.members.entity.MemberState;
import org.videoplatform.members.entity.Skill;

/** The directory of vetted members (by name, skill and region), and cutting them off (or letting them back in after a suspension), always with a reason. */
@Path("members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"video-lead", "admin"})
public class MembersResource {

    @Inject
    Members members;

    @Context
    SecurityContext security;

    public record MemberView(String id, String fullName, String displayName, String email, MemberState state,
                             OffsetDateTime vettedAt, String region, Set<Skill> skills, String availability,
                             List<String> portfolioLinks) {

        static MemberView from(Member m) {
            return new MemberView(m.id().toString(), m.fullName(), m.displayName(), m.email(), m.state(), m.vettedAt(),
                    m.region(), m.skills(), m.availability(), m.portfolioLinks());
        }
    }

    /** Why access changes: recorded in the audit trail. */
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @GET
    public List<MemberView> search(@QueryParam("q") @Size(max = 100) String term,
                                   @QueryParam("skill") Skill skill,
                                   @QueryParam("region") @Size(max = 100) String region,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Members.MAX_RESULTS) int limit) {
        return members.search(term, skill, region, limit).stream().map(MemberView::from).toList();
    }

    @POST
    @Path("{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberView suspend(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return members.suspend(id, reason.reason(), Callers.actor(security)).map(MemberView::from).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberView revoke(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return members.revoke(id, reason.reason(), Callers.actor(security)).map(MemberView::from).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/reinstatement")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberView reinstate(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return members.reinstate(id, reason.reason(), Callers.actor(security)).map(MemberView::from).orElseThrow(NotFoundException::new);
    }
}
