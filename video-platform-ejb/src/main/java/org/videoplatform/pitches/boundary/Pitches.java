package org.videoplatform.pitches.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.members.boundary.CreditChanged;
import org.videoplatform.members.boundary.Members;
import org.videoplatform.members.entity.Member;
import org.videoplatform.media.control.DocumentDownload;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.media.control.StoredObject;
import org.videoplatform.pitches.entity.Attachment;
import org.videoplatform.pitches.entity.Collaborator;
import org.videoplatform.pitches.entity.InvalidPitch;
import org.videoplatform.pitches.entity.Pitch;
import org.videoplatform.pitches.entity.PitchComment;
import org.videoplatform.pitches.entity.PitchContent;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.platform.entity.NotPermitted;

/**
 * Pitches and productions. Producers see their own and those whose crew they are on, and change
 * only their own; leads see everything and take the decisions. A pitch another producer owns is reported as missing, so its existence does
 * not leak.
 */
@Stateless
@RolesAllowed({"producer", "video-lead", "admin"})
public class Pitches {

    /**
     * A deadline is a calendar day where the producer is, and the page shows it as lasting until
     * that day's end there: it has passed only once it has passed everywhere, in the last time zone.
     */
    private static final ZoneOffset ANYWHERE_ON_EARTH = ZoneOffset.ofHours(-12);

    static final String[] LEADS = {"video-lead", "admin"};

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Members members;

    @Inject
    ObjectStore store;

    @Inject
    @ConfigProperty(name = "vp.pitches.max-attachment-bytes", defaultValue = "26214400")
    long maxAttachmentBytes;

    /** Long enough for a slow phone connection, short enough that a leaked link soon dies. */
    static final Duration UPLOAD_WINDOW = Duration.ofMinutes(30);

    @Resource
    SessionContext session;

    @RolesAllowed("producer")
    public Pitch draft(PitchContent content, Actor producer) {
        Pitch pitch = new Pitch(producer.id(), producer.name(), content);
        em.persist(pitch);
        return pitch;
    }

    /** Leads see every pitch, producers their own and those whose crew they are on. */
    public List<Pitch> visible(Actor caller) {
        if (isLead()) {
            return em.createNamedQuery(Pitch.ALL, Pitch.class).getResultList();
        }
        List<Pitch> visible = new ArrayList<>(em.createNamedQuery(Pitch.OWNED_BY, Pitch.class)
                .setParameter("owner", caller.id()).getResultList());
        visible.addAll(em.createNamedQuery(Collaborator.PITCHES_OF, Pitch.class).setParameter("account", caller.id()).getResultList());
        return visible;
    }

    public Optional<Pitch> find(UUID id, Actor caller) {
        return Optional.ofNullable(em.find(Pitch.class, id))
                .filter(pitch -> isLead() || isOn(pitch, caller.id()));
    }

    public Optional<List<Collaborator>> crew(UUID pitchId, Actor caller) {
        return find(pitchId, caller).map(pitch -> em.createNamedQuery(Collaborator.OF_PITCH, Collaborator.class)
                .setParameter("pitch", pitch).getResultList());
    }

    /**
     * The lead or the pitch's owner invites an active member onto its crew; inviting someone who is
     * already on it changes nothing.
     */
    public Optional<Collaborator> invite(UUID pitchId, UUID memberId, Actor caller) {
        // Locked: a second click waits here and then finds the member already on the crew.
        Optional<Pitch> pitch = Optional.ofNullable(em.find(Pitch.class, pitchId, LockModeType.PESSIMISTIC_WRITE))
                .filter(p -> isLead() || p.ownedBy(caller.id()));
        if (pitch.isEmpty()) {
            return Optional.empty();
        }
        Member member = members.activeMember(memberId)
                .orElseThrow(() -> new InvalidPitch("memberId", "is not an active member"));
        if (pitch.get().ownedBy(member.keycloakUserId())) {
            throw new InvalidPitch("memberId", "is the pitch's own producer");
        }
        Optional<Collaborator> already = em.createNamedQuery(Collaborator.OF_PITCH, Collaborator.class)
                .setParameter("pitch", pitch.get()).getResultStream()
                .filter(c -> c.accountId().equals(member.keycloakUserId())).findFirst();
        if (already.isPresent()) {
            return already;
        }
        Collaborator collaborator = new Collaborator(pitch.get(), member.keycloakUserId(), member.displayName(), caller.id());
        em.persist(collaborator);
        audit.record(AuditEntry.naming(caller, "pitch.crew-invited", "pitch", pitchId.toString(), member.displayName(), member.keycloakUserId()));
        return Optional.of(collaborator);
    }

    /**
     * The lead or the pitch's owner takes someone off its crew, as when the wrong one of two
     * namesakes was invited: from then on they see neither the pitch nor its production. What they
     * wrote stays. Taking off someone already off changes nothing.
     */
    public Optional<Pitch> removeFromCrew(UUID pitchId, UUID collaboratorId, Actor caller) {
        Optional<Pitch> pitch = Optional.ofNullable(em.find(Pitch.class, pitchId, LockModeType.PESSIMISTIC_WRITE))
                .filter(p -> isLead() || p.ownedBy(caller.id()));
        pitch.flatMap(p -> Optional.ofNullable(em.find(Collaborator.class, collaboratorId)).filter(c -> c.pitch().equals(p)))
                .ifPresent(collaborator -> {
                    em.remove(collaborator);
                    audit.record(AuditEntry.naming(caller, "pitch.crew-removed", "pitch", pitchId.toString(), collaborator.name(),
                            collaborator.accountId()));
                });
        return pitch;
    }

    /** Its producer or one of its crew. */
    private boolean isOn(Pitch pitch, String accountId) {
        return pitch.ownedBy(accountId) || onCrew(pitch, accountId);
    }

    private boolean onCrew(Pitch pitch, String accountId) {
        return em.createNamedQuery(Collaborator.IS_ON, Long.class)
                .setParameter("pitch", pitch).setParameter("account", accountId).getSingleResult() > 0;
    }

    /**
     * Rewrites a draft, provided nobody changed it since the caller read it: two editors never
     * silently overwrite each other. Locked, so that of two saves of one version at once the second
     * waits and is told of the first, where both passed the check and the second failed at commit.
     */
    @RolesAllowed("producer")
    public Optional<Pitch> edit(UUID id, long readVersion, PitchContent content, Actor producer) {
        return ownedToMove(id, producer).map(pitch -> {
            if (pitch.version() != readVersion) {
                throw new OptimisticLockException("The pitch was changed by someone else since it was read");
            }
            pitch.edit(content);
            return pitch;
        });
    }

    @RolesAllowed("producer")
    public Optional<Pitch> submit(UUID id, Actor producer) {
        return ownedToMove(id, producer).map(pitch -> record(pitch, p -> p.submit(LocalDate.now(ANYWHERE_ON_EARTH)), "pitch.submitted", null, producer));
    }

    @RolesAllowed("producer")
    public Optional<Pitch> withdraw(UUID id, String reason, Actor producer) {
        return ownedToMove(id, producer).map(pitch -> record(pitch, Pitch::withdraw, "pitch.withdrawn", reason, producer));
    }

    @RolesAllowed("producer")
    public Optional<Pitch> revise(UUID id, Actor producer) {
        return ownedToMove(id, producer).map(pitch -> record(pitch, Pitch::revise, "pitch.revised", null, producer));
    }

    @RolesAllowed({"video-lead", "admin"})
    public Optional<Pitch> openDiscussion(UUID id, Actor lead) {
        return locked(id).map(pitch -> record(pitch, Pitch::openDiscussion, "pitch.discussion-opened", null, lead));
    }

    /** @return the production the greenlit pitch became */
    @RolesAllowed({"video-lead", "admin"})
    public Optional<Production> greenlight(UUID id, String reason, Actor lead) {
        return locked(id).map(pitch -> {
            requireSomeoneElses(pitch, lead);
            Production production = pitch.greenlight(reason);
            em.persist(production);
            audit.record(new AuditEntry(lead, "pitch.greenlit", "pitch", pitch.id().toString(), reason));
            return production;
        });
    }

    @RolesAllowed({"video-lead", "admin"})
    public Optional<Pitch> decline(UUID id, String feedback, Actor lead) {
        return locked(id).map(pitch -> {
            requireSomeoneElses(pitch, lead);
            return record(pitch, p -> p.decline(feedback), "pitch.declined", feedback, lead);
        });
    }

    /** Whether this lead may greenlight or decline the pitch: see {@link #requireSomeoneElses}. */
    public boolean mayDecide(Pitch pitch, Actor lead) {
        return isLead() && !isOn(pitch, lead.id());
    }

    /** Nobody decides on a pitch they are on, as nobody approves a production they make: the point is a second pair of eyes. */
    private void requireSomeoneElses(Pitch pitch, Actor lead) {
        if (isOn(pitch, lead.id())) {
            throw new NotPermitted("You are on this pitch, so another lead has to decide on it");
        }
    }

    /** The pitch's discussion, for whoever may see the pitch. */
    public Optional<List<PitchComment>> discussion(UUID pitchId, Actor caller) {
        return find(pitchId, caller).map(pitch -> em.createNamedQuery(PitchComment.OF_PITCH, PitchComment.class)
                .setParameter("pitch", pitch)
                .getResultList());
    }

    public Optional<PitchComment> comment(UUID pitchId, String body, Actor caller) {
        return find(pitchId, caller).map(pitch -> {
            PitchComment comment = new PitchComment(pitch, caller.id(), caller.name(), body);
            em.persist(comment);
            return comment;
        });
    }

    /** An attachment announced by the producer, and where their browser puts the file. */
    public record AttachmentUpload(Attachment attachment, URI uploadUrl) {
    }

    @RolesAllowed("producer")
    public Optional<AttachmentUpload> announceAttachment(UUID pitchId, Attachment.Kind kind, String fileName, String contentType,
                                                         long size, Actor producer) {
        return owned(pitchId, producer).map(pitch -> {
            Attachment attachment = new Attachment(pitch, kind, fileName, contentType, size, maxAttachmentBytes);
            em.persist(attachment);
            return new AttachmentUpload(attachment, store.temporaryUploadUrl(attachment.uploadKey(), UPLOAD_WINDOW));
        });
    }

    /**
     * Checks the store holds the announced file; a missing or different-sized upload is refused
     * and what arrived is removed, so nothing half-uploaded is ever offered.
     */
    @RolesAllowed("producer")
    public Optional<Attachment> confirmAttachment(UUID pitchId, UUID attachmentId, Actor producer) {
        return owned(pitchId, producer)
                // Locked: a second confirmation waits, then finds the attachment stored.
                .flatMap(pitch -> Optional.ofNullable(em.find(Attachment.class, attachmentId, LockModeType.PESSIMISTIC_WRITE))
                        .filter(a -> a.pitch().equals(pitch)))
                .map(attachment -> {
                    if (attachment.stored()) {
                        return attachment;
                    }
                    long uploadedSize = store.describe(attachment.uploadKey()).map(StoredObject::size).orElse(-1L);
                    if (uploadedSize < 0) {
                        throw new InvalidPitch("file", "has not arrived in storage: upload it first");
                    }
                    if (uploadedSize != attachment.size()) {
                        store.delete(attachment.uploadKey());
                        throw notAsAnnounced(attachment, uploadedSize);
                    }
                    store.copy(attachment.uploadKey(), attachment.objectKey());
                    store.delete(attachment.uploadKey());
                    // Measured again once copied: what is checked is what is offered, whatever the upload link put meanwhile.
                    long storedSize = store.describe(attachment.objectKey()).map(StoredObject::size).orElse(-1L);
                    if (!attachment.confirm(storedSize)) {
                        store.delete(attachment.objectKey());
                        throw notAsAnnounced(attachment, storedSize);
                    }
                    return attachment;
                });
    }

    private static InvalidPitch notAsAnnounced(Attachment attachment, long storedSize) {
        return new InvalidPitch("file", "arrived with " + storedSize + " bytes instead of the " + attachment.size() + " announced");
    }

    public Optional<List<Attachment>> attachments(UUID pitchId, Actor caller) {
        return find(pitchId, caller).map(pitch -> em.createNamedQuery(Attachment.STORED_OF_PITCH, Attachment.class)
                .setParameter("pitch", pitch).getResultList());
    }

    /** A stored attachment's file, for whoever may see the pitch; one announced but never confirmed is not offered. */
    public Optional<DocumentDownload> attachment(UUID pitchId, UUID attachmentId, Actor caller) {
        return find(pitchId, caller)
                .flatMap(pitch -> Optional.ofNullable(em.find(Attachment.class, attachmentId)).filter(a -> a.pitch().equals(pitch)))
                .filter(Attachment::stored)
                .map(a -> new DocumentDownload(a.fileName(), a.size(), store.open(a.objectKey())));
    }

    /** A finished video brought without a pitch. */
    @RolesAllowed("producer")
    public Production openProduction(String title, Actor producer) {
        Production production = Production.direct(title, producer.id(), producer.name());
        em.persist(production);
        audit.record(new AuditEntry(producer, "production.opened", "production", production.id().toString(), null));
        return production;
    }

    /** Leads see every production, producers their own and those of pitches whose crew they are on. */
    public List<Production> productions(Actor caller) {
        if (isLead()) {
            return em.createNamedQuery(Production.ALL, Production.class).getResultList();
        }
        List<Production> visible = new ArrayList<>(em.createNamedQuery(Production.OWNED_BY, Production.class)
                .setParameter("owner", caller.id()).getResultList());
        visible.addAll(em.createNamedQuery(Production.ON_CREW_OF, Production.class).setParameter("account", caller.id()).getResultList());
        return visible;
    }

    /** A production its owner, its crew or a lead may see; anyone else is told it does not exist. */
    public Optional<Production> production(UUID id, Actor caller) {
        return Optional.ofNullable(em.find(Production.class, id))
                .filter(p -> isLead() || makes(p, caller.id()));
    }

    /** Whether the account is the production's producer or on its pitch's crew: the people who may not approve it. */
    @PermitAll
    public boolean makes(Production production, String accountId) {
        return production.ownerId().equals(accountId)
                || production.pitchId() != null && onCrew(em.find(Pitch.class, production.pitchId()), accountId);
    }

    /** Someone who makes a production: its producer or one of its pitch's crew. */
    public record TeamMember(String accountId, String name) {
    }

    /** Who makes the production, producer first: the people a comment may mention. */
    @PermitAll
    public List<TeamMember> team(Production production) {
        List<TeamMember> team = new ArrayList<>();
        team.add(new TeamMember(production.ownerId(), production.ownerName()));
        if (production.pitchId() != null) {
            em.createNamedQuery(Collaborator.OF_PITCH, Collaborator.class).setParameter("pitch", em.find(Pitch.class, production.pitchId()))
                    .getResultStream().forEach(c -> team.add(new TeamMember(c.accountId(), c.name())));
        }
        return team;
    }

    @PermitAll
    public void recredit(@Observes CreditChanged changed) {
        changed.rewrite(em,
                "UPDATE pitches SET owner_name = ?1 WHERE owner_id = ?2",
                "UPDATE productions SET owner_name = ?1 WHERE owner_id = ?2",
                "UPDATE pitch_comments SET author_name = ?1 WHERE author_id = ?2",
                "UPDATE pitch_collaborators SET name = ?1 WHERE account_id = ?2");
    }

    private Pitch record(Pitch pitch, Consumer<Pitch> move, String action, String reason, Actor actor) {
        move.accept(pitch);
        audit.record(new AuditEntry(actor, action, "pitch", pitch.id().toString(), reason));
        return pitch;
    }

    private Optional<Pitch> owned(UUID id, Actor producer) {
        return Optional.ofNullable(em.find(Pitch.class, id)).filter(pitch -> pitch.ownedBy(producer.id()));
    }

    private Optional<Pitch> ownedToMove(UUID id, Actor producer) {
        return locked(id).filter(pitch -> pitch.ownedBy(producer.id()));
    }

    /**
     * A pitch about to move, locked: of two moves at once (two leads, a double tap) the second
     * waits, then finds the pitch moved and is told it cannot move again, instead of both
     * greenlighting it into two productions that only the database's constraint keeps apart.
     */
    private Optional<Pitch> locked(UUID id) {
        return Optional.ofNullable(em.find(Pitch.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Whether the caller leads: sees every pitch and production, and decides on them. */
    public boolean isLead() {
        for (String role : LEADS) {
            if (session.isCallerInRole(role)) {
                return true;
            }
        }
        return false;
    }
}
