package org.videoplatform.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.members.boundary.Members;
import org.videoplatform.members.boundary.PersonalData;
import org.videoplatform.members.entity.Member;
import org.videoplatform.members.entity.MemberState;
import org.videoplatform.members.entity.Skill;
import org.videoplatform.problems.NotBlankInAnyScript;

/** The directory of vetted members (by name, skill and region), and cutting them off (or letting them back in after a suspension), always with a reason. */
@Path("members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"video-lead", "admin"})
public class MembersResource {

    @Inject
    Members members;

    @Inject
    PersonalData personalData;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    /**
     * @param displayNameChosen whether the member chose their display name, or go by their first name and initial
     * @param accountInStep false while their Keycloak account may still be open (or closed) against their state, because
     *        Keycloak did not answer; the API follows the state all the same
     */
    public record MemberView(String id, String fullName, String displayName, boolean displayNameChosen, String email, MemberState state,
                             boolean accountInStep, OffsetDateTime vettedAt, String region, Set<Skill> skills, String availability,
                             List<String> portfolioLinks) {

        static MemberView from(Member m) {
            return new MemberView(m.id().toString(), m.fullName(), m.displayName(), m.choseDisplayName(), m.email(), m.state(),
                    !m.accountOutOfStep(), m.vettedAt(), m.region(), m.skills(), m.availability(), m.portfolioLinks());
        }
    }

    public record AttendanceView(String workshopId, String workshopTitle, OffsetDateTime workshopStartsAt, String fullName,
                                 String email, String membershipNumber, String phone, String state) {
    }

    public record VettingView(String id, String outcome, String reason, OffsetDateTime decidedAt) {
    }

    public record AuditView(OffsetDateTime occurredAt, String actorName, String action, String subjectType, String subjectId,
                            String reason) {
    }

    /** A member's data in one document, in the words the platform stores it. */
    public record MemberExport(OffsetDateTime exportedAt, MemberView member, RosterResource.RosterEntryView rosterEntry,
                               List<AttendanceView> workshopAttendances, List<VettingView> vettingDecisions,
                               List<AuditView> auditEntries) {

        static MemberExport from(PersonalData.MemberRecord record) {
            return new MemberExport(OffsetDateTime.now(ZoneOffset.UTC), MemberView.from(record.member()),
                    record.rosterEntry() == null ? null : RosterResource.RosterEntryView.from(record.rosterEntry()),
                    record.attendances().stream().map(a -> new AttendanceView(a.workshop().id().toString(), a.workshop().title(),
                            a.workshop().startsAt(), a.fullName(), a.email(), a.membershipNumber(), a.phone(), a.state().name())).toList(),
                    record.vettings().stream().map(v -> new VettingView(v.id().toString(), v.outcome().name(), v.reason(),
                            v.decidedAt())).toList(),
                    record.auditEntries().stream().map(e -> new AuditView(e.occurredAt(), e.actor().name(), e.action(),
                            e.subjectType(), e.subjectId(), e.reason())).toList());
        }
    }

    /** Why access changes: recorded in the audit trail. */
    public record Reason(@NotBlankInAnyScript @Size(max = 2000) String reason) {
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
        return members.suspend(id, reason.reason(), actors.of(security)).map(MemberView::from).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberView revoke(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return members.revoke(id, reason.reason(), actors.of(security)).map(MemberView::from).orElseThrow(NotFoundException::new);
    }

    /** Everything held about the member, for them: admins only. */
    @GET
    @Path("{id}/export")
    @RolesAllowed("admin")
    public Response export(@PathParam("id") UUID id) {
        MemberExport export = personalData.export(id).map(MemberExport::from).orElseThrow(NotFoundException::new);
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"member-" + id + ".json\"")
                .build();
    }

    /** Removes the member's personal data for good; the reason goes into the audit trail. */
    @POST
    @Path("{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public MemberView erase(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return personalData.erase(id, reason.reason(), actors.of(security)).map(MemberView::from)
                .orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/reinstatement")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberView reinstate(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return members.reinstate(id, reason.reason(), actors.of(security)).map(MemberView::from).orElseThrow(NotFoundException::new);
    }
}
