package org.videoplatform.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.platform.entity.Timestamps;

/** One step of a production's review history, shown to its makers; the audit trail records it too. */
@Entity
@Table(name = "review_events")
@NamedQuery(name = ReviewEvent.OF_PRODUCTION, query = "SELECT e FROM ReviewEvent e WHERE e.production = :production ORDER BY e.takenAt")
public class ReviewEvent {

    public static final String OF_PRODUCTION = "ReviewEvent.ofProduction";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "production_id", nullable = false, updatable = false)
    private Production production;

    /** Absent only when a lead rejects a production before any cut was submitted. */
    @ManyToOne
    @JoinColumn(name = "cut_id", updatable = false)
    private MediaAsset cut;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReviewAction action;

    @Column(updatable = false)
    private String summary;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private String actorId;

    @Column(name = "actor_name", nullable = false, updatable = false)
    private String actorName;

    @Column(name = "taken_at", nullable = false, updatable = false)
    private OffsetDateTime takenAt;

    protected ReviewEvent() {
        // for JPA
    }

    public ReviewEvent(Production production, MediaAsset cut, ReviewAction action, String summary, Actor actor) {
        this.id = UUID.randomUUID();
        this.production = production;
        this.cut = cut;
        this.action = action;
        this.summary = summary;
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.takenAt = Timestamps.now();
    }

    public UUID id() {
        return id;
    }

    public MediaAsset cut() {
        return cut;
    }

    public ReviewAction action() {
        return action;
    }

    public String summary() {
        return summary;
    }

    public String actorName() {
        return actorName;
    }

    public OffsetDateTime takenAt() {
        return takenAt;
    }
}
