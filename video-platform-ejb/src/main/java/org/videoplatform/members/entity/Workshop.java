package org.videoplatform.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An in-person workshop where people learn video production and leads meet them. */
@Entity
@Table(name = "workshops")
@NamedQuery(name = Workshop.NEWEST_START_FIRST, query = "SELECT w FROM Workshop w ORDER BY w.startsAt DESC")
public class Workshop {

    public static final String NEWEST_START_FIRST = "Workshop.newestStartFirst";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;

    @Column(nullable = false)
    private String venue;

    @Column(nullable = false)
    private String city;

    @Column(nullable = false)
    private int capacity;

    /** Names, one per line: a handful, shown as they were typed. */
    @Column(nullable = false)
    private String trainers;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    private long version;

    protected Workshop() {
        // for JPA
    }

    public Workshop(String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String venue, String city, int capacity,
                    List<String> trainers, String createdBy) {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A workshop ends after it starts");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("A workshop has at least one place");
        }
        this.id = UUID.randomUUID();
        this.title = Objects.requireNonNull(title).strip();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.venue = Objects.requireNonNull(venue).strip();
        this.city = Objects.requireNonNull(city).strip();
        this.capacity = capacity;
        // One name per line as stored: a line break inside a name would make two trainers of it.
        this.trainers = String.join("\n", trainers.stream().map(t -> t.strip().replaceAll("\\s+", " ")).filter(t -> !t.isEmpty()).toList());
        this.createdBy = createdBy;
    }

    /** The place a new registration gets, given how many places are already held. */
    public AttendanceState placeFor(long placesHeld) {
        return placesHeld < capacity ? AttendanceState.REGISTERED : AttendanceState.WAITLISTED;
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public String venue() {
        return venue;
    }

    public String city() {
        return city;
    }

    public int capacity() {
        return capacity;
    }

    public List<String> trainers() {
        return trainers.isEmpty() ? List.of() : List.of(trainers.split("\n"));
    }
}
