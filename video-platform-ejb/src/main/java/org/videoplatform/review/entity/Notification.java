package org.videoplatform.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.platform.entity.Timestamps;

/** Tells one person that something on a production needs them: a decision on their cut, a mention. */
@Entity
@Table(name = "notifications")
@NamedQuery(name = Notification.OF_RECIPIENT, query = "SELECT n FROM Notification n WHERE n.recipientId = :recipient ORDER BY n.createdAt DESC")
public class Notification {

    public static final String OF_RECIPIENT = "Notification.ofRecipient";

    @Id
    private UUID id;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private String recipientId;

    @Column(name = "production_id", nullable = false, updatable = false)
    private UUID productionId;

    @Column(nullable = false, updatable = false)
    private String message;

    @Column(name = "sender_id", updatable = false)
    private String senderId;

    @Column(name = "sender_name", updatable = false)
    private String senderName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Notification() {
        // for JPA
    }

    /**
     * @param news what the sender did, said after their name; the name leads the message, so that it
     * can be rewritten when the sender's credit changes
     */
    public Notification(String recipientId, UUID productionId, Actor sender, String news) {
        this.id = UUID.randomUUID();
        this.recipientId = recipientId;
        this.productionId = productionId;
        this.senderId = sender.id();
        this.senderName = sender.name();
        this.message = sender.name() + news;
        this.createdAt = Timestamps.now();
    }

    public boolean addressedTo(String accountId) {
        return recipientId.equals(accountId);
    }

    public void read() {
        if (readAt == null) {
            readAt = Timestamps.now();
        }
    }

    public UUID id() {
        return id;
    }

    public UUID productionId() {
        return productionId;
    }

    public String message() {
        return message;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime readAt() {
        return readAt;
    }
}
