package org.videoplatform.pitches.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.videoplatform.platform.entity.Timestamps;

/** One message in the discussion of a pitch between its producer and the leads. */
@Entity
@Table(name = "pitch_comments")
@NamedQuery(name = PitchComment.OF_PITCH, query = "SELECT c FROM PitchComment c WHERE c.pitch = :pitch ORDER BY c.postedAt, c.id")
public class PitchComment {

    public static final String OF_PITCH = "PitchComment.ofPitch";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pitch_id", nullable = false, updatable = false)
    private Pitch pitch;

    @Column(name = "author_id", nullable = false, updatable = false)
    private String authorId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private OffsetDateTime postedAt;

    protected PitchComment() {
        // for JPA
    }

    public PitchComment(Pitch pitch, String authorId, String authorName, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidPitch("body", "is empty");
        }
        this.id = UUID.randomUUID();
        this.pitch = Objects.requireNonNull(pitch);
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = body.strip();
        this.postedAt = Timestamps.now();
    }

    public UUID id() {
        return id;
    }

    public String authorName() {
        return authorName;
    }

    public String body() {
        return body;
    }

    public OffsetDateTime postedAt() {
        return postedAt;
    }
}
