package org.videoplatform.pitches.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videoplatform.platform.entity.NullableUuid;
import org.videoplatform.platform.entity.Timestamps;

/** A video being made: from a greenlit pitch, or opened directly for a finished video. */
@Entity
@Table(name = "productions")
@NamedQuery(name = Production.ALL, query = "SELECT p FROM Production p ORDER BY p.createdAt DESC")
@NamedQuery(name = Production.OWNED_BY, query = "SELECT p FROM Production p WHERE p.ownerId = :owner ORDER BY p.createdAt DESC")
@NamedQuery(name = Production.ON_CREW_OF, query = "SELECT p FROM Production p WHERE p.pitchId IN "
        + "(SELECT c.pitch.id FROM Collaborator c WHERE c.accountId = :account) ORDER BY p.createdAt DESC")
@NamedQuery(name = Production.IN_STATE, query = "SELECT p FROM Production p WHERE p.state = :state ORDER BY p.submittedAt, p.createdAt")
@NamedQuery(name = Production.OWNED_IN_STATES, query = "SELECT p FROM Production p WHERE p.ownerId = :owner AND p.state IN :states "
        + "ORDER BY p.createdAt")
public class Production {

    public static final String ON_CREW_OF = "Production.onCrewOf";
    public static final String IN_STATE = "Production.inState";
    public static final String OWNED_IN_STATES = "Production.ownedInStates";

    public static final String ALL = "Production.all";
    public static final String OWNED_BY = "Production.ownedBy";

    @Id
    private UUID id;

    @Convert(converter = NullableUuid.class)
    @Column(name = "pitch_id", updatable = false)
    private UUID pitchId;

    @Column(nullable = false)
    private String title;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;

    @Column(name = "owner_name", nullable = false)
    private String ownerName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state", nullable = false)
    private ProductionState state;

    /** The cut submitted last: the one a lead's decision is about. */
    @Convert(converter = NullableUuid.class)
    @Column(name = "cut_in_review")
    private UUID cutInReview;

    /** When the production last went into review: the review queue is oldest first. */
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Version
    private long version;

    protected Production() {
        // for JPA
    }

    Production(Pitch pitch) {
        this(pitch.id(), pitch.title(), pitch.ownerId(), pitch.ownerName());
    }

    private Production(UUID pitchId, String title, String ownerId, String ownerName) {
        this.id = UUID.randomUUID();
        this.pitchId = pitchId;
        this.title = title;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.createdAt = Timestamps.now();
        this.state = ProductionState.IN_PRODUCTION;
    }

    /** A finished video brought without a pitch: it goes to review once a cut is uploaded. */
    public static Production direct(String title, String ownerId, String ownerName) {
        return new Production(null, title, ownerId, ownerName);
    }

    public UUID id() {
        return id;
    }

    public UUID pitchId() {
        return pitchId;
    }

    public String title() {
        return title;
    }

    public String ownerId() {
        return ownerId;
    }

    public String ownerName() {
        return ownerName;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public ProductionState state() {
        return state;
    }

    public UUID cutInReview() {
        return cutInReview;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public void submitted(UUID cutId) {
        move(ProductionState.IN_REVIEW);
        this.cutInReview = cutId;
        this.submittedAt = Timestamps.now();
    }

    /** A lead's decision on the cut in review. */
    public void decided(ProductionState outcome) {
        if (outcome == ProductionState.IN_REVIEW || outcome == ProductionState.IN_PRODUCTION || outcome == ProductionState.RELEASED) {
            throw new IllegalArgumentException(outcome + " is not a review decision");
        }
        move(outcome);
    }

    /** Its approved cut went out: the end of its review. */
    public void released() {
        move(ProductionState.RELEASED);
    }

    public void requireTakesCuts() {
        if (!state.takesCuts()) {
            throw new ProductionTransitionRefused(state, "take new cuts");
        }
    }

    private void move(ProductionState target) {
        if (!state.next().contains(target)) {
            throw new ProductionTransitionRefused(state, target);
        }
        state = target;
    }
}
