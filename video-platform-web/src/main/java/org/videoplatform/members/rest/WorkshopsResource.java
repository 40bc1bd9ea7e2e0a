package org.videoplatform.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.members.boundary.PersonalData;
import org.videoplatform.members.boundary.Workshops;
import org.videoplatform.members.boundary.Workshops.WorkshopCounts;
import org.videoplatform.members.boundary.Workshops.WorkshopDetail;
import org.videoplatform.members.entity.AttendanceState;
import org.videoplatform.members.entity.Attendee;
import org.videoplatform.members.entity.VettingOutcome;
import org.videoplatform.members.entity.Workshop;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.platform.entity.PlausibleDates;
import org.videoplatform.problems.NotBlankInAnyScript;

/** Workshops and their attendees, for the video leads who run them. */
@Path("workshops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"video-lead", "admin"})
public class WorkshopsResource {

    @Inject
    Workshops workshops;

    @Inject
    PersonalData personalData;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    public record NewWorkshop(@NotBlankInAnyScript @Size(max = 200) String title, @NotNull OffsetDateTime startsAt,
                              @NotNull OffsetDateTime endsAt, @NotBlankInAnyScript @Size(max = 200) String venue,
                              @NotBlankInAnyScript @Size(max = 100) String city, @Min(1) @Max(10_000) int capacity,
                              @Size(max = 20) List<@NotBlankInAnyScript @Size(max = 100) String> trainers) {
    }

    public record NewAttendee(@NotBlankInAnyScript @Size(max = 200) String fullName,
                              @NotBlankInAnyScript @Email @Size(max = 320) @Pattern(regexp = "[\\x21-\\x7E]+@.+",
                                      message = "must have no accents or other letters beyond plain ASCII before the @: the sign-in"
                                              + " service refuses them there") String email,
                              @Size(max = 50) String membershipNumber, @Size(max = 50) String phone) {
    }

    /** @param decided the last vetting decision about them, null before any (and in answers about one attendee) */
    public record AttendeeView(String id, String fullName, String email, String membershipNumber, String phone,
                               AttendanceState state, VettingOutcome decided, OffsetDateTime registeredAt, OffsetDateTime checkedInAt) {

        static AttendeeView from(Attendee a) {
            return from(a, null);
        }

        static AttendeeView from(Attendee a, VettingOutcome decided) {
            return new AttendeeView(a.id().toString(), a.fullName(), a.email(), a.membershipNumber(), a.phone(), a.state(), decided,
                    a.registeredAt(), a.checkedInAt());
        }
    }

    public record WorkshopView(String id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String venue,
                               String city, int capacity, List<String> trainers, long registered, long waitlisted,
                               long checkedIn, List<AttendeeView> attendees) {

        static WorkshopView from(WorkshopDetail detail) {
            return from(detail.workshop(), detail.counted(),
                    detail.attendees().stream().map(a -> AttendeeView.from(a, detail.decided().get(a.id()))).toList());
        }

        static WorkshopView from(WorkshopCounts listed) {
            return from(listed.workshop(), listed.counted(), null);
        }

        private static WorkshopView from(Workshop w, Map<AttendanceState, Long> counted, List<AttendeeView> attendees) {
            return new WorkshopView(w.id().toString(), w.title(), w.startsAt(), w.endsAt(), w.venue(), w.city(), w.capacity(),
                    w.trainers(), counted.getOrDefault(AttendanceState.REGISTERED, 0L),
                    counted.getOrDefault(AttendanceState.WAITLISTED, 0L), counted.getOrDefault(AttendanceState.CHECKED_IN, 0L),
                    attendees);
        }
    }

    @POST
    public Response create(@Valid @NotNull NewWorkshop workshop) {
        if (!PlausibleDates.withinTenYearsOfToday(workshop.startsAt())) {
            throw new InvalidInput("startsAt", "must be within ten years of today, not " + workshop.startsAt().toLocalDate());
        }
        if (!workshop.endsAt().isAfter(workshop.startsAt())) {
            throw new InvalidInput("endsAt", "must be after the start");
        }
        if (!PlausibleDates.withinTenYearsOfToday(workshop.endsAt())) {
            throw new InvalidInput("endsAt", "must be within ten years of today, not " + workshop.endsAt().toLocalDate());
        }
        Workshop created = workshops.create(workshop.title(), workshop.startsAt(), workshop.endsAt(), workshop.venue(),
                workshop.city(), workshop.capacity(), workshop.trainers() == null ? List.of() : workshop.trainers(),
                actors.of(security).id());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(WorkshopView.from(new WorkshopDetail(created, List.of(), Map.of())))
                .build();
    }

    @GET
    public List<WorkshopView> all() {
        return workshops.all().stream().map(WorkshopView::from).toList();
    }

    @GET
    @Path("{id}")
    public WorkshopView one(@PathParam("id") UUID id) {
        return workshops.find(id).map(WorkshopView::from).orElseThrow(NotFoundException::new);
    }

    /** Registers someone; the answer's state says whether they got a place or joined the waitlist. */
    @POST
    @Path("{id}/attendees")
    public Response register(@PathParam("id") UUID workshopId, @Valid @NotNull NewAttendee attendee) {
        Attendee registered = workshops.register(workshopId, attendee.fullName(), attendee.email(),
                attendee.membershipNumber(), attendee.phone()).orElseThrow(NotFoundException::new);
        // Attendees are read with their workshop: there is no address of their own to point to.
        return Response.status(Response.Status.CREATED).entity(AttendeeView.from(registered)).build();
    }

    @POST
    @Path("{id}/attendees/{attendeeId}/check-in")
    public AttendeeView checkIn(@PathParam("id") UUID workshopId, @PathParam("attendeeId") UUID attendeeId) {
        return workshops.checkIn(workshopId, attendeeId).map(AttendeeView::from).orElseThrow(NotFoundException::new);
    }

    /** Removes for good what identifies someone who is no member; the reason goes into the audit trail. */
    @POST
    @Path("{id}/attendees/{attendeeId}/erasure")
    @RolesAllowed("admin")
    public AttendeeView erase(@PathParam("id") UUID workshopId, @PathParam("attendeeId") UUID attendeeId,
                              @Valid @NotNull MembersResource.Reason reason) {
        return personalData.eraseAttendee(workshopId, attendeeId, reason.reason(), actors.of(security))
                .map(AttendeeView::from).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/attendees/{attendeeId}/cancellation")
    public AttendeeView cancel(@PathParam("id") UUID workshopId, @PathParam("attendeeId") UUID attendeeId) {
        return workshops.cancel(workshopId, attendeeId).map(AttendeeView::from).orElseThrow(NotFoundException::new);
    }
}
