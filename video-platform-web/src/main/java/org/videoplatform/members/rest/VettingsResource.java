package org.videoplatform.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.members.boundary.VettingCheck;
import org.videoplatform.members.boundary.Vettings;
import org.videoplatform.members.boundary.Vettings.Decision;
import org.videoplatform.members.entity.Vetting;
import org.videoplatform.members.entity.VettingOutcome;
import org.videoplatform.members.rest.RosterResource.RosterEntryView;
import org.videoplatform.platform.entity.InvalidInput;

/**
 * The check at the door and the lead's decision on one attendee. The decision names an outcome and
 * nothing else: there is no way to ask this endpoint for any role but producer.
 */
@Path("workshops/{workshopId}/attendees/{attendeeId}/vetting")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"video-lead", "admin"})
public class VettingsResource {

    @Inject
    Vettings vettings;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @PathParam("workshopId")
    UUID workshopId;

    @PathParam("attendeeId")
    UUID attendeeId;

    public record MatchView(RosterEntryView entry, VettingCheck.MatchedBy matchedBy) {
    }

    public record WarningView(VettingCheck.WarningKind kind, String message) {
    }

    public record DecisionView(String id, VettingOutcome outcome, String reason, OffsetDateTime decidedAt) {

        static DecisionView from(Vetting v) {
            return new DecisionView(v.id().toString(), v.outcome(), v.reason(), v.decidedAt());
        }
    }

    public record CheckView(List<MatchView> matches, List<WarningView> warnings, List<DecisionView> earlierDecisions) {

        static CheckView from(VettingCheck check) {
            return new CheckView(
                    check.matches().stream().map(m -> new MatchView(RosterEntryView.from(m.entry()), m.matchedBy())).toList(),
                    check.warnings().stream().map(w -> new WarningView(w.kind(), w.message())).toList(),
                    check.earlierDecisions().stream().map(DecisionView::from).toList());
        }
    }

    public record NewDecision(@NotNull VettingOutcome outcome, @Size(max = 2000) String reason, UUID rosterEntryId) {
    }

    /**
     * @param memberId set when the decision vetted the person
     * @param temporaryPassword shown once to the lead to hand over; the member must replace it at first sign-in.
     *        None when an active member is vetted again: they keep the account and password they have
     * @param invitationToFollow whether an email with a link to set their password goes out as well, now the decision is recorded
     */
    public record DecisionResult(DecisionView decision, String memberId, String username, String temporaryPassword,
                                 boolean invitationToFollow) {
    }

    @GET
    public CheckView check(@QueryParam("postcode") @Size(max = 20) String postcode) {
        return vettings.check(workshopId, attendeeId, postcode).map(CheckView::from).orElseThrow(NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionResult decide(@Valid @NotNull NewDecision decision) {
        if (decision.outcome().requiresReason() && (decision.reason() == null || decision.reason().isBlank())) {
            throw new InvalidInput("reason", "is required when declining");
        }
        Decision taken = vettings.decide(workshopId, attendeeId, decision.outcome(), decision.reason(),
                decision.rosterEntryId(), actors.of(security)).orElseThrow(NotFoundException::new);
        return new DecisionResult(DecisionView.from(taken.vetting()),
                taken.member() == null ? null : taken.member().id().toString(), taken.username(), taken.temporaryPassword(),
                taken.invitationToFollow());
    }
}
