package org.videoplatform.review.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.platform.entity.Timestamps;

/**
 * A note on a cut. A thread starts at a frame, or over a range of frames, counted at the cut's
 * review frame rate so it stays on the picture it was made on; it may carry a drawing. Replies
 * belong to their thread and have no place of their own. Threads, not replies, are resolved.
 */
@Entity
@Table(name = "review_comments")
@NamedQuery(name = ReviewComment.ON_CUT, query = "SELECT c FROM ReviewComment c WHERE c.cut = :cut ORDER BY c.createdAt")
@NamedQuery(name = ReviewComment.OPEN_BEFORE, query = "SELECT c FROM ReviewComment c WHERE c.cut.production = :production "
        + "AND c.cut.cutNumber < :number AND c.thread IS NULL AND c.resolvedAt IS NULL ORDER BY c.cut.cutNumber, c.frame")
public class ReviewComment {

    public static final String ON_CUT = "ReviewComment.onCut";
    /** Threads still open on the earlier versions of a production: the producer's to-do list for the next cut. */
    public static final String OPEN_BEFORE = "ReviewComment.openBefore";

    static final int MAX_BODY = 5000;

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cut_id", nullable = false, updatable = false)
    private MediaAsset cut;

    @ManyToOne
    @JoinColumn(name = "thread_id", updatable = false)
    private ReviewComment thread;

    @Column(name = "author_id", nullable = false, updatable = false)
    private String authorId;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(updatable = false)
    private Integer frame;

    @Column(name = "end_frame", updatable = false)
    private Integer endFrame;

    @Column(updatable = false)
    private String drawing;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_by_id")
    private String resolvedById;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_mentions", joinColumns = @JoinColumn(name = "comment_id"))
    private List<Mention> mentions = new ArrayList<>();

    @Version
    private long version;

    protected ReviewComment() {
        // for JPA
    }

    private ReviewComment(MediaAsset cut, ReviewComment thread, Actor author, String body, Integer frame, Integer endFrame, String drawing,
                          List<Mention> mentions) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new InvalidInput("body", "must have between 1 and " + MAX_BODY + " characters");
        }
        this.id = UUID.randomUUID();
        this.cut = cut;
        this.thread = thread;
        this.authorId = author.id();
        this.authorName = author.name();
        this.body = text;
        this.frame = frame;
        this.endFrame = endFrame;
        this.drawing = Drawing.checked(drawing);
        this.mentions = new ArrayList<>(mentions);
        this.createdAt = Timestamps.now();
    }

    /**
     * A new thread at {@code frame}, or from {@code frame} to {@code endFrame} inclusive, on a cut
     * that has {@code frameCount} frames.
     */
    public static ReviewComment at(MediaAsset cut, long frameCount, int frame, Integer endFrame, Actor author, String body, String drawing,
                                   List<Mention> mentions) {
        if (frame < 0 || frame >= frameCount) {
            throw new InvalidInput("frame", "must be between 0 and " + (frameCount - 1) + ", the cut's last frame");
        }
        if (endFrame != null && endFrame < frame) {
            throw new InvalidInput("endFrame", "must not come before the range's start (frame " + frame + ")");
        }
        if (endFrame != null && endFrame >= frameCount) {
            throw new InvalidInput("endFrame", "must be at most " + (frameCount - 1) + ", the cut's last frame");
        }
        return new ReviewComment(cut, null, author, body, frame, endFrame, drawing, mentions);
    }

    /** A reply in this thread; replying to a reply answers its thread. */
    public ReviewComment reply(Actor author, String body, List<Mention> mentions) {
        ReviewComment root = thread == null ? this : thread;
        return new ReviewComment(cut, root, author, body, null, null, null, mentions);
    }

    /**
     * @return whether this resolved it: resolving it again, from a page not yet redrawn, keeps who
     *         resolved it first, as the audit trail does
     */
    public boolean resolve(Actor by) {
        requireThread();
        if (resolvedAt != null) {
            return false;
        }
        resolvedAt = Timestamps.now();
        resolvedBy = by.name();
        resolvedById = by.id();
        return true;
    }

    /** @return whether this reopened it */
    public boolean reopen() {
        requireThread();
        if (resolvedAt == null) {
            return false;
        }
        resolvedAt = null;
        resolvedBy = null;
        resolvedById = null;
        return true;
    }

    private void requireThread() {
        if (thread != null) {
            throw new InvalidInput("comment", "is a reply, resolved with its thread: resolve the comment it answers");
        }
    }

    public UUID id() {
        return id;
    }

    public MediaAsset cut() {
        return cut;
    }

    public ReviewComment thread() {
        return thread;
    }

    public String authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String body() {
        return body;
    }

    public Integer frame() {
        return frame;
    }

    public Integer endFrame() {
        return endFrame;
    }

    public String drawing() {
        return drawing;
    }

    public OffsetDateTime resolvedAt() {
        return resolvedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<Mention> mentions() {
        return List.copyOf(mentions);
    }
}
