package org.videoplatform.review.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.media.entity.AssetState;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.media.entity.MediaRefused;
import org.videoplatform.members.boundary.AccountErased;
import org.videoplatform.members.boundary.CreditChanged;
import org.videoplatform.pitches.boundary.Pitches;
import org.videoplatform.pitches.boundary.Pitches.TeamMember;
import org.videoplatform.pitches.entity.Pitch;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.pitches.entity.ProductionState;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.platform.entity.NotPermitted;
import org.videoplatform.review.control.ReviewFrames;
import org.videoplatform.review.control.WatchedCut;
import org.videoplatform.review.entity.FrameRate;
import org.videoplatform.review.entity.Mention;
import org.videoplatform.review.entity.Notification;
import org.videoplatform.review.entity.ReviewAction;
import org.videoplatform.review.entity.ReviewComment;
import org.videoplatform.review.entity.ReviewEvent;

/**
 * Review of cuts. The producer submits a ready cut; a lead who has no part in the production asks
 * for changes, approves or rejects it, saying why. Whoever may see a production comments on its
 * cuts. Everyone else is told the production or cut does not exist.
 */
@Stateless
@RolesAllowed({"producer", "video-lead", "admin"})
public class Reviews {

    static final int MAX_SUMMARY = 5000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pitches pitches;

    @Inject
    AuditTrail audit;

    @Inject
    Checklists checklists;

    /** Puts a ready cut up for review as the production's next version. */
    @RolesAllowed("producer")
    public Optional<Production> submit(UUID cutId, Actor producer) {
        Optional<MediaAsset> cut = visibleCut(cutId, producer);
        if (cut.isEmpty()) {
            return Optional.empty();
        }
        // Locked so that two submissions at once cannot take the same version number.
        Production production = em.find(Production.class, cut.get().production().id(), LockModeType.PESSIMISTIC_WRITE);
        if (!production.ownerId().equals(producer.id())) {
            throw new NotPermitted("Only the production's producer, " + production.ownerName() + ", submits its cuts for review");
        }
        // A cut submitted already is told so by submitAs; another waits for the decision on the one in review.
        if (cut.get().cutNumber() == null && production.state() == ProductionState.IN_REVIEW) {
            MediaAsset inReview = em.find(MediaAsset.class, production.cutInReview());
            throw new MediaRefused("v" + inReview.cutNumber() + " is in review: submit this cut once a lead has decided on it");
        }
        Integer last = em.createNamedQuery(MediaAsset.LAST_CUT_NUMBER, Integer.class).setParameter("production", production).getSingleResult();
        cut.get().submitAs(last == null ? 1 : last + 1);
        production.submitted(cut.get().id());
        em.persist(new ReviewEvent(production, cut.get(), ReviewAction.SUBMITTED, null, producer));
        audit.record(new AuditEntry(producer, "review.submitted", "production", production.id().toString(), "v" + cut.get().cutNumber()));
        return Optional.of(production);
    }

    /**
     * A lead's decision on the cut in review, or to reject the production outright. Nobody decides
     * on a production they make: the point of review is a second pair of eyes.
     *
     * @param watchedCut the production's latest submitted cut as the lead's page showed it; none if it had none
     */
    @RolesAllowed({"video-lead", "admin"})
    public Optional<Production> decide(UUID productionId, ReviewAction decision, String summary, UUID watchedCut, Actor lead) {
        if (decision == null || !decision.isDecision()) {
            throw new InvalidInput("decision", "must be CHANGES_REQUESTED, APPROVED or REJECTED");
        }
        String reason = summary == null ? "" : summary.strip();
        if (reason.isEmpty() || reason.length() > MAX_SUMMARY) {
            throw new InvalidInput("summary", "must say in 1 to " + MAX_SUMMARY + " characters what was decided and why");
        }
        Production production = em.find(Production.class, productionId, LockModeType.PESSIMISTIC_WRITE);
        if (production == null) {
            return Optional.empty();
        }
        if (pitches.makes(production, lead.id())) {
            throw new NotPermitted("You make this production, so another lead has to decide on it");
        }
        // Locked as a rerun locks it, so an approval and a rerun of the same cut take turns.
        MediaAsset cut = production.cutInReview() == null ? null
                : em.find(MediaAsset.class, production.cutInReview(), LockModeType.PESSIMISTIC_WRITE);
        WatchedCut.mustBeInReview(em, watchedCut, cut, "a decision goes on it");
        production.decided(decision.leadsTo());
        if (decision == ReviewAction.APPROVED) {
            checklists.requireComplete(production, "Approval");
            cut.approved();
        }
        em.persist(new ReviewEvent(production, cut, decision, reason, lead));
        String what = decision.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        audit.record(new AuditEntry(lead, "review." + decision.name().toLowerCase(Locale.ROOT).replace('_', '-'), "production",
                production.id().toString(), cut == null ? reason : "v" + cut.cutNumber() + ": " + reason));
        em.persist(new Notification(production.ownerId(), production.id(), lead, " decided on “" + production.title() + "”"
                + (cut == null ? "" : " v" + cut.cutNumber()) + ": " + what + ". " + reason));
        return Optional.of(production);
    }

    /** Who may be mentioned on the production's cuts. */
    public Optional<List<TeamMember>> team(UUID productionId, Actor caller) {
        return pitches.production(productionId, caller).map(pitches::team);
    }

    public Optional<List<ReviewEvent>> history(UUID productionId, Actor caller) {
        return pitches.production(productionId, caller)
                .map(production -> em.createNamedQuery(ReviewEvent.OF_PRODUCTION, ReviewEvent.class)
                        .setParameter("production", production).getResultList());
    }

    /**
     * A cut's comments, the rate its frames are counted at, and the threads still open on earlier
     * versions, so the next cut's review starts from what was not yet dealt with.
     */
    public record CutComments(MediaAsset cut, FrameRate rate, List<ReviewComment> comments, List<ReviewComment> earlierOpen) {
    }

    public Optional<CutComments> comments(UUID cutId, Actor caller) {
        return visibleCut(cutId, caller).map(cut -> new CutComments(cut, ReviewFrames.of(cut),
                em.createNamedQuery(ReviewComment.ON_CUT, ReviewComment.class).setParameter("cut", cut).getResultList(),
                cut.cutNumber() == null ? List.of() : em.createNamedQuery(ReviewComment.OPEN_BEFORE, ReviewComment.class)
                        .setParameter("production", cut.production()).setParameter("number", cut.cutNumber()).getResultList()));
    }

    /** Starts a thread at a frame or over a range of frames of the cut. */
    public Optional<ReviewComment> comment(UUID cutId, int frame, Integer endFrame, String body, String drawing, List<String> mentionIds,
                                           Actor author) {
        return visibleCut(cutId, author).map(cut -> {
            FrameRate rate = ReviewFrames.toCommentOn(cut);
            ReviewComment comment = ReviewComment.at(cut, rate.framesIn(cut.facts().durationMicros()), frame, endFrame, author, body, drawing,
                    mentioned(cut.production(), mentionIds));
            em.persist(comment);
            notifyMentioned(comment, author);
            return comment;
        });
    }

    public Optional<ReviewComment> reply(UUID commentId, String body, List<String> mentionIds, Actor author) {
        return visibleComment(commentId, author).map(answered -> {
            ReviewComment reply = answered.reply(author, body, mentioned(answered.cut().production(), mentionIds));
            em.persist(reply);
            notifyMentioned(reply, author);
            return reply;
        });
    }

    public Optional<ReviewComment> resolve(UUID commentId, boolean resolved, Actor caller) {
        return visibleComment(commentId, caller).map(comment -> {
            // Read again under a lock: a double click or two people at once take turns rather than one getting a version conflict.
            em.refresh(comment, LockModeType.PESSIMISTIC_WRITE);
            boolean change = resolved ? comment.resolve(caller) : comment.reopen();
            // A change the lead asked for, marked dealt with by someone else, is a decision of sorts.
            if (change) {
                audit.record(new AuditEntry(caller, resolved ? "review.thread-resolved" : "review.thread-reopened", "comment",
                        comment.id().toString(), named(comment.cut())));
            }
            return comment;
        });
    }

    /** Something waiting on the caller, with how long it has waited and by when it is due. */
    public record Waiting(Production production, String reason, OffsetDateTime since, LocalDate deadline, boolean mayDecide) {
    }

    /**
     * Leads: productions in review, oldest first, marking those they make and so may not decide.
     * Producers: their productions with changes asked for, or with a ready cut not yet submitted.
     */
    public List<Waiting> queue(Actor caller) {
        List<Waiting> waiting = new ArrayList<>();
        if (pitches.isLead()) {
            for (Production production : em.createNamedQuery(Production.IN_STATE, Production.class)
                    .setParameter("state", ProductionState.IN_REVIEW).getResultList()) {
                waiting.add(new Waiting(production, "cut in review", production.submittedAt(), deadline(production), !pitches.makes(production, caller.id())));
            }
            return waiting;
        }
        for (Production production : em.createNamedQuery(Production.OWNED_IN_STATES, Production.class)
                .setParameter("owner", caller.id())
                .setParameter("states", List.of(ProductionState.IN_PRODUCTION, ProductionState.CHANGES_REQUESTED, ProductionState.APPROVED))
                .getResultList()) {
            Optional<MediaAsset> unsubmitted = em.createNamedQuery(MediaAsset.OF_PRODUCTION, MediaAsset.class)
                    .setParameter("production", production).getResultStream()
                    .filter(cut -> cut.state() == AssetState.READY && cut.cutNumber() == null)
                    .max(Comparator.comparing(MediaAsset::completedAt));
            if (production.state() == ProductionState.CHANGES_REQUESTED) {
                waiting.add(new Waiting(production, unsubmitted.isPresent() ? "changes requested: a new cut is ready to submit"
                        : "changes requested: upload a new cut", lastDecision(production), deadline(production), false));
            } else if (unsubmitted.isPresent()) {
                waiting.add(new Waiting(production, "a cut is ready to submit for review", unsubmitted.get().completedAt(),
                        deadline(production), false));
            }
        }
        waiting.sort(Comparator.comparing(Waiting::since));
        return waiting;
    }

    public List<Notification> notifications(Actor caller) {
        return em.createNamedQuery(Notification.OF_RECIPIENT, Notification.class).setParameter("recipient", caller.id())
                .setMaxResults(100).getResultList();
    }

    public Optional<Notification> markRead(UUID notificationId, Actor caller) {
        return Optional.ofNullable(em.find(Notification.class, notificationId)).filter(n -> n.addressedTo(caller.id())).map(n -> {
            n.read();
            return n;
        });
    }

    private Optional<MediaAsset> visibleCut(UUID cutId, Actor caller) {
        return Optional.ofNullable(em.find(MediaAsset.class, cutId))
                .filter(cut -> pitches.production(cut.production().id(), caller).isPresent());
    }

    private Optional<ReviewComment> visibleComment(UUID commentId, Actor caller) {
        return Optional.ofNullable(em.find(ReviewComment.class, commentId))
                .filter(comment -> pitches.production(comment.cut().production().id(), caller).isPresent());
    }

    @PermitAll
    public void recredit(@Observes CreditChanged changed) {
        changed.rewrite(em,
                "UPDATE review_comments SET author_name = ?1 WHERE author_id = ?2",
                "UPDATE review_comments SET resolved_by = ?1 WHERE resolved_by_id = ?2",
                "UPDATE review_mentions SET name = ?1 WHERE account_id = ?2",
                "UPDATE review_events SET actor_name = ?1 WHERE actor_id = ?2",
                "UPDATE notifications SET message = ?1 || substr(message, char_length(sender_name) + 1), sender_name = ?1 WHERE sender_id = ?2",
                "UPDATE checklist_ticks SET ticked_by_name = ?1 WHERE ticked_by = ?2",
                "UPDATE production_imprints SET updated_by = ?1 WHERE updated_by_id = ?2",
                "UPDATE production_documents SET uploaded_by = ?1 WHERE uploaded_by_id = ?2");
    }

    @PermitAll
    public void forget(@Observes AccountErased erased) {
        em.createNativeQuery("DELETE FROM notifications WHERE recipient_id = ?1").setParameter(1, erased.accountId()).executeUpdate();
    }

    private List<Mention> mentioned(Production production, List<String> accountIds) {
        if (accountIds == null || accountIds.isEmpty()) {
            return List.of();
        }
        List<TeamMember> team = pitches.team(production);
        List<Mention> mentions = new ArrayList<>();
        for (String accountId : accountIds.stream().distinct().toList()) {
            TeamMember member = team.stream().filter(m -> m.accountId().equals(accountId)).findFirst()
                    .orElseThrow(() -> new InvalidInput("mentions", "may name only the production's producer and crew"));
            mentions.add(new Mention(member.accountId(), member.name()));
        }
        return mentions;
    }

    private void notifyMentioned(ReviewComment comment, Actor author) {
        Production production = comment.cut().production();
        for (Mention mention : comment.mentions()) {
            if (!mention.accountId().equals(author.id())) {
                em.persist(new Notification(mention.accountId(), production.id(), author, " mentioned you on “" + production.title()
                        + "” " + named(comment.cut()) + ": " + comment.body()));
            }
        }
    }

    /** A cut as people name it: by its version once submitted, by its file before. */
    private static String named(MediaAsset cut) {
        return cut.cutNumber() == null ? cut.originalName() + " (not yet submitted)" : "v" + cut.cutNumber();
    }

    private LocalDate deadline(Production production) {
        return production.pitchId() == null ? null : em.find(Pitch.class, production.pitchId()).content().deadline();
    }

    private OffsetDateTime lastDecision(Production production) {
        List<ReviewEvent> events = em.createNamedQuery(ReviewEvent.OF_PRODUCTION, ReviewEvent.class).setParameter("production", production)
                .getResultList();
        return events.isEmpty() ? production.createdAt() : events.get(events.size() - 1).takenAt();
    }
}
