package org.videoplatform.pitches.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.videoplatform.platform.entity.PlausibleDates;
import org.videoplatform.platform.entity.Timestamps;

/**
 * A producer's idea for a video. Every change of state goes through one method here, which
 * checks the move against {@link PitchState} and refuses it otherwise.
 */
@Entity
@Table(name = "pitches")
@NamedQuery(name = Pitch.ALL, query = "SELECT p FROM Pitch p ORDER BY p.updatedAt DESC")
@NamedQuery(name = Pitch.OWNED_BY, query = "SELECT p FROM Pitch p WHERE p.ownerId = :owner ORDER BY p.updatedAt DESC")
public class Pitch {

    public static final String ALL = "Pitch.all";
    public static final String OWNED_BY = "Pitch.ownedBy";

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;

    @Column(name = "owner_name", nullable = false)
    private String ownerName;

    @Column(nullable = false)
    private String title;

    private String logline;
    private String synopsis;
    private String goal;
    private String audience;

    @Enumerated(EnumType.STRING)
    private VideoFormat format;

    // Lists read it for every row they show: one query for all the rows, not one per row.
    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "pitch_platforms", joinColumns = @JoinColumn(name = "pitch_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "platform", nullable = false)
    private Set<SocialPlatform> platforms = EnumSet.noneOf(SocialPlatform.class);

    @Column(name = "planned_length_seconds")
    private Integer plannedLengthSeconds;

    private LocalDate deadline;

    private String needs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PitchState state;

    /** The lead's words with the last decline, or the note with the greenlight, which the producer sees. */
    private String feedback;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Pitch() {
        // for JPA
    }

    public Pitch(String ownerId, String ownerName, PitchContent content) {
        this.id = UUID.randomUUID();
        this.ownerId = Objects.requireNonNull(ownerId);
        this.ownerName = Objects.requireNonNull(ownerName);
        this.state = PitchState.DRAFT;
        this.createdAt = Timestamps.now();
        write(content);
    }

    private void write(PitchContent content) {
        if (content.deadline() != null && !PlausibleDates.withinTenYearsOfToday(content.deadline())) {
            throw new InvalidPitch("deadline", "must be within ten years of today, not " + content.deadline());
        }
        this.title = Objects.requireNonNull(content.title()).strip();
        this.logline = content.logline();
        this.synopsis = content.synopsis();
        this.goal = content.goal();
        this.audience = content.audience();
        this.format = content.format();
        this.platforms.clear();
        if (content.platforms() != null) {
            this.platforms.addAll(content.platforms());
        }
        this.plannedLengthSeconds = content.plannedLengthSeconds();
        this.deadline = content.deadline();
        this.needs = content.needs();
        this.updatedAt = Timestamps.now();
    }

    public void edit(PitchContent content) {
        if (!state.editable()) {
            throw new PitchTransitionRefused(state, "edited");
        }
        write(content);
    }

    private void moveTo(PitchState target) {
        if (!state.canMoveTo(target)) {
            throw new PitchTransitionRefused(state, target);
        }
        state = target;
        updatedAt = Timestamps.now();
    }

    /** Sent to the lead; a deadline already gone makes the video useless, so it is refused. */
    public void submit(LocalDate today) {
        if (state.canMoveTo(PitchState.SUBMITTED) && deadline != null && deadline.isBefore(today)) {
            throw new InvalidPitch("deadline", "is in the past: a pitch cannot be submitted after its topical deadline");
        }
        moveTo(PitchState.SUBMITTED);
    }

    public void openDiscussion() {
        moveTo(PitchState.IN_DISCUSSION);
    }

    /**
     * @param note what the lead tells the producer with the go-ahead, if anything; it replaces
     *             the feedback of an earlier decline, which no longer applies
     * @return the production the pitch becomes
     */
    public Production greenlight(String note) {
        moveTo(PitchState.GREENLIT);
        feedback = note == null || note.isBlank() ? null : note.strip();
        return new Production(this);
    }

    public void decline(String feedback) {
        if (feedback == null || feedback.isBlank()) {
            throw new InvalidPitch("reason", "is required when declining: the producer needs to know why");
        }
        moveTo(PitchState.DECLINED);
        this.feedback = feedback.strip();
    }

    public void withdraw() {
        moveTo(PitchState.WITHDRAWN);
    }

    /** Back to a draft the producer can improve and submit again, the lead's feedback kept beside it. */
    public void revise() {
        moveTo(PitchState.DRAFT);
    }

    public boolean ownedBy(String accountId) {
        return ownerId.equals(accountId);
    }

    public UUID id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String ownerName() {
        return ownerName;
    }

    public String title() {
        return title;
    }

    public PitchContent content() {
        return new PitchContent(title, logline, synopsis, goal, audience, format,
                platforms.isEmpty() ? EnumSet.noneOf(SocialPlatform.class) : EnumSet.copyOf(platforms),
                plannedLengthSeconds, deadline, needs);
    }

    public PitchState state() {
        return state;
    }

    public String feedback() {
        return feedback;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
