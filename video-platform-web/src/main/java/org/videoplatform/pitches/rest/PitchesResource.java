package org.videoplatform.pitches.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.members.boundary.Members;
import org.videoplatform.pitches.boundary.Pitches;
import org.videoplatform.pitches.entity.Attachment;
import org.videoplatform.pitches.entity.Collaborator;
import org.videoplatform.pitches.entity.Pitch;
import org.videoplatform.pitches.entity.PitchComment;
import org.videoplatform.pitches.entity.PitchContent;
import org.videoplatform.pitches.entity.PitchState;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.pitches.entity.ProductionState;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.pitches.entity.VideoFormat;
import org.videoplatform.platform.rest.Downloads;
import org.videoplatform.problems.NotBlankInAnyScript;

/** Pitches: producers write and submit them, leads discuss and decide. Each move is its own POST. */
@Path("pitches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class PitchesResource {

    @Inject
    Pitches pitches;

    @Inject
    Members members;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    public record PitchForm(@NotBlankInAnyScript @Size(max = 200) String title, @Size(max = 200) String logline,
                            @Size(max = 10_000) String synopsis, @Size(max = 1_000) String goal,
                            @Size(max = 1_000) String audience, VideoFormat format, Set<@NotNull SocialPlatform> platforms,
                            @Min(1) @Max(3 * 60 * 60) Integer plannedLengthSeconds, LocalDate deadline,
                            @Size(max = 5_000) String needs) {

        PitchContent content() {
            return new PitchContent(title, logline, synopsis, goal, audience, format, platforms, plannedLengthSeconds, deadline, needs);
        }
    }

    /** An edit names the version it was made on, so a concurrent edit is detected rather than lost. */
    public record PitchEdit(@NotNull Long version, @Valid @NotNull PitchForm pitch) {
    }

    public record Reason(@Size(max = 5_000) String reason) {
    }

    /**
     * @param yours whether the caller is the pitch's producer (crew and leads see it too)
     * @param mayDecide whether the caller may greenlight or decline it: a lead who is not on it. Said when one pitch
     *        is asked for, null in lists and in answers to a move
     */
    public record PitchView(String id, String ownerName, boolean yours, PitchState state, List<PitchState> allowedNext, String feedback,
                            long version, OffsetDateTime updatedAt, String title, String logline, String synopsis, String goal,
                            String audience, VideoFormat format, Set<SocialPlatform> platforms, Integer plannedLengthSeconds,
                            LocalDate deadline, String needs, Boolean mayDecide) {

        static PitchView from(Pitch p, String callerId) {
            return from(p, callerId, null);
        }

        static PitchView from(Pitch p, String callerId, Boolean mayDecide) {
            PitchContent c = p.content();
            return new PitchView(p.id().toString(), p.ownerName(), p.ownedBy(callerId), p.state(), List.copyOf(p.state().next()), p.feedback(),
                    p.version(), p.updatedAt(), c.title(), c.logline(), c.synopsis(), c.goal(), c.audience(), c.format(),
                    c.platforms(), c.plannedLengthSeconds(), c.deadline(), c.needs(), mayDecide);
        }
    }

    /** A production and where it stands in review; {@code cutInReview} is the cut a lead's decision is about. */
    public record ProductionView(String id, String pitchId, String title, String ownerId, String ownerName, OffsetDateTime createdAt,
            ProductionState state, String cutInReview, OffsetDateTime submittedAt) {

        public static ProductionView from(Production p) {
            return new ProductionView(p.id().toString(), p.pitchId() == null ? null : p.pitchId().toString(), p.title(),
                    p.ownerId(), p.ownerName(), p.createdAt(), p.state(), p.cutInReview() == null ? null : p.cutInReview().toString(),
                    p.submittedAt());
        }
    }

    private boolean isLead() {
        return security.isUserInRole("video-lead") || security.isUserInRole("admin");
    }

    /** The caller, read from the token once per request (the resource is request-scoped). */
    private Actor caller;

    private Actor actor() {
        if (caller == null) {
            caller = actors.of(security);
        }
        return caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("producer")
    public Response draft(@Valid @NotNull PitchForm form) {
        Pitch pitch = pitches.draft(form.content(), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(pitch.id().toString()).build())
                .entity(PitchView.from(pitch, actor().id())).build();
    }

    /** The caller's pitches (a producer) or all of them (a lead), narrowed by the filters given. */
    @GET
    public List<PitchView> visible(@QueryParam("state") PitchState state, @QueryParam("platform") SocialPlatform platform,
                                   @QueryParam("format") VideoFormat format,
                                   @QueryParam("producer") @Size(max = 100) String producer,
                                   @QueryParam("region") @Size(max = 100) String region) {
        String producerName = producer == null ? "" : producer.strip().toLowerCase(Locale.ROOT);
        List<Pitch> visible = pitches.visible(actor());
        String wantedRegion = region == null ? "" : region.strip().toLowerCase(Locale.ROOT);
        // Regions belong to members' profiles; only leads filter by them (producers see their own anyway).
        Map<String, String> regions = wantedRegion.isEmpty() || !isLead() ? Map.of()
                : members.regionsOf(visible.stream().map(Pitch::ownerId).collect(Collectors.toSet()));
        return visible.stream()
                .filter(p -> wantedRegion.isEmpty() || regions.getOrDefault(p.ownerId(), "").toLowerCase(Locale.ROOT).contains(wantedRegion))
                .filter(p -> state == null || p.state() == state)
                .filter(p -> platform == null || p.content().platforms().contains(platform))
                .filter(p -> format == null || p.content().format() == format)
                .filter(p -> producerName.isEmpty() || p.ownerName().toLowerCase(Locale.ROOT).contains(producerName))
                .map(p -> PitchView.from(p, actor().id()))
                .toList();
    }

    @GET
    @Path("{id}")
    public PitchView one(@PathParam("id") UUID id) {
        return pitches.find(id, actor()).map(p -> PitchView.from(p, actor().id(), pitches.mayDecide(p, actor())))
                .orElseThrow(NotFoundException::new);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("producer")
    public PitchView edit(@PathParam("id") UUID id, @Valid @NotNull PitchEdit edit) {
        return pitches.edit(id, edit.version(), edit.pitch().content(), actor())
                .map(p -> PitchView.from(p, actor().id())).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/submission")
    @RolesAllowed("producer")
    public PitchView submit(@PathParam("id") UUID id) {
        return pitches.submit(id, actor()).map(p -> PitchView.from(p, actor().id())).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("producer")
    public PitchView withdraw(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return pitches.withdraw(id, reason.reason(), actor()).map(p -> PitchView.from(p, actor().id())).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/revision")
    @RolesAllowed("producer")
    public PitchView revise(@PathParam("id") UUID id) {
        return pitches.revise(id, actor()).map(p -> PitchView.from(p, actor().id())).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/discussion")
    @RolesAllowed({"video-lead", "admin"})
    public PitchView openDiscussion(@PathParam("id") UUID id) {
        return pitches.openDiscussion(id, actor()).map(p -> PitchView.from(p, actor().id())).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/greenlight")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"video-lead", "admin"})
    public ProductionView greenlight(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return pitches.greenlight(id, reason.reason(), actor()).map(ProductionView::from)
                .orElseThrow(NotFoundException::new);
    }

    public record CommentForm(@NotBlankInAnyScript @Size(max = 5_000) String body) {
    }

    public record CommentView(String id, String authorName, String body, OffsetDateTime postedAt) {

        static CommentView from(PitchComment c) {
            return new CommentView(c.id().toString(), c.authorName(), c.body(), c.postedAt());
        }
    }

    @GET
    @Path("{id}/comments")
    public List<CommentView> discussion(@PathParam("id") UUID id) {
        return pitches.discussion(id, actor()).orElseThrow(NotFoundException::new).stream()
                .map(CommentView::from).toList();
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull CommentForm comment) {
        PitchComment posted = pitches.comment(id, comment.body(), actor()).orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.CREATED).entity(CommentView.from(posted)).build();
    }

    public record Invitation(@NotNull UUID memberId) {
    }

    public record NewAttachment(Attachment.Kind kind, @NotBlankInAnyScript @Size(max = 255) String fileName,
                                @NotBlankInAnyScript @Size(max = 255) String contentType, @NotNull Long size) {
    }

    /** Where to PUT the file (with the same Content-Type), then confirm with the completion call. */
    public record UploadView(String id, String uploadUrl, String method, String contentType) {
    }

    public record AttachmentView(String id, Attachment.Kind kind, String fileName, String contentType, long size) {

        static AttachmentView from(Attachment a) {
            return new AttachmentView(a.id().toString(), a.kind(), a.fileName(), a.contentType(), a.size());
        }
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("producer")
    public Response announceAttachment(@PathParam("id") UUID id, @Valid @NotNull NewAttachment file) {
        Pitches.AttachmentUpload upload = pitches.announceAttachment(id, file.kind(), file.fileName(), file.contentType(),
                file.size(), actor()).orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.CREATED).entity(new UploadView(upload.attachment().id().toString(),
                upload.uploadUrl().toString(), "PUT", upload.attachment().contentType())).build();
    }

    @POST
    @Path("{id}/attachments/{attachmentId}/completion")
    @RolesAllowed("producer")
    public AttachmentView confirmAttachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return AttachmentView.from(pitches.confirmAttachment(id, attachmentId, actor()).orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("{id}/attachments")
    public List<AttachmentView> attachments(@PathParam("id") UUID id) {
        return pitches.attachments(id, actor()).orElseThrow(NotFoundException::new).stream().map(AttachmentView::from).toList();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response attachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return Downloads.saved(pitches.attachment(id, attachmentId, actor()).orElseThrow(NotFoundException::new));
    }

    public record CollaboratorView(String id, String name, OffsetDateTime invitedAt) {

        static CollaboratorView from(Collaborator c) {
            return new CollaboratorView(c.id().toString(), c.name(), c.invitedAt());
        }
    }

    @GET
    @Path("{id}/crew")
    public List<CollaboratorView> crew(@PathParam("id") UUID id) {
        return pitches.crew(id, actor()).orElseThrow(NotFoundException::new).stream()
                .map(CollaboratorView::from).toList();
    }

    /** The lead or the pitch's producer invites a member onto the crew. */
    @POST
    @Path("{id}/crew")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("id") UUID id, @Valid @NotNull Invitation invitation) {
        Collaborator collaborator = pitches.invite(id, invitation.memberId(), actor())
                .orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.CREATED).entity(CollaboratorView.from(collaborator)).build();
    }

    /** The lead or the pitch's producer takes someone off the crew. */
    @DELETE
    @Path("{id}/crew/{collaboratorId}")
    public Response removeFromCrew(@PathParam("id") UUID id, @PathParam("collaboratorId") UUID collaboratorId) {
        pitches.removeFromCrew(id, collaboratorId, actor()).orElseThrow(NotFoundException::new);
        return Response.noContent().build();
    }

    /** Declining needs feedback: the producer sees it and can revise the pitch. */
    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"video-lead", "admin"})
    public PitchView decline(@PathParam("id") UUID id, @Valid @NotNull Reason feedback) {
        return pitches.decline(id, feedback.reason(), actor()).map(p -> PitchView.from(p, actor().id()))
                .orElseThrow(NotFoundException::new);
    }
}
