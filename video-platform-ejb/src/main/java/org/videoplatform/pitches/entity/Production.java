package org.videoplatform.pitches.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videoplatform.platform.entity.NullableUuid;
import org.videoplatform.platform.entity.Timestamps;

/** A video being made: from a greenlit pitch, or opened directly for a finished video. */
@Entity
@Table(name = "productions")
@NamedQuery(name = Production.ALL, query = "SELECT p FROM Production p ORDER BY p.createdAt DESC")
@NamedQuery(name = Production.OWNED_BY, query = "SELECT p FROM Production p WHERE p.ownerId = :owner ORDER BY p.createdAt DESC")
@NamedQuery(name = Production.CREDIT_OWNER, query = "UPDATE Production p SET p.ownerName = :credit WHERE p.ownerId = :owner")
public class Production {

    public static final String CREDIT_OWNER = "Production.creditOwner";

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
}
