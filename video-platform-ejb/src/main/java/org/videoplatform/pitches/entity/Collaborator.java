package org.videoplatform.pitches.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videoplatform.platform.entity.Timestamps;

/** A member invited onto a pitch's crew: they see it and join its discussion, but decide nothing. */
@Entity
@Table(name = "pitch_collaborators")
@NamedQuery(name = Collaborator.OF_PITCH, query = "SELECT c FROM Collaborator c WHERE c.pitch = :pitch ORDER BY c.invitedAt")
@NamedQuery(name = Collaborator.PITCHES_OF,
        query = "SELECT p FROM Pitch p WHERE EXISTS (SELECT c FROM Collaborator c WHERE c.pitch = p AND c.accountId = :account)")
@NamedQuery(name = Collaborator.IS_ON, query = "SELECT COUNT(c) FROM Collaborator c WHERE c.pitch = :pitch AND c.accountId = :account")
public class Collaborator {

    public static final String OF_PITCH = "Collaborator.ofPitch";
    public static final String PITCHES_OF = "Collaborator.pitchesOf";
    public static final String IS_ON = "Collaborator.isOn";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pitch_id", nullable = false, updatable = false)
    private Pitch pitch;

    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;

    @Column(nullable = false)
    private String name;

    @Column(name = "invited_by", nullable = false, updatable = false)
    private String invitedBy;

    @Column(name = "invited_at", nullable = false, updatable = false)
    private OffsetDateTime invitedAt;

    protected Collaborator() {
        // for JPA
    }

    public Collaborator(Pitch pitch, String accountId, String name, String invitedBy) {
        this.id = UUID.randomUUID();
        this.pitch = pitch;
        this.accountId = accountId;
        this.name = name;
        this.invitedBy = invitedBy;
        this.invitedAt = Timestamps.now();
    }

    public UUID id() {
        return id;
    }

    public Pitch pitch() {
        return pitch;
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public OffsetDateTime invitedAt() {
        return invitedAt;
    }
}
