package org.videoplatform.pitches.entity;

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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.videoplatform.platform.entity.Timestamps;

/**
 * A script, storyboard or reference image for a pitch. The browser puts the file straight into
 * object storage; the attachment counts once the store holds exactly what was announced.
 */
@Entity
@Table(name = "pitch_attachments")
@NamedQuery(name = Attachment.STORED_OF_PITCH,
        query = "SELECT a FROM Attachment a WHERE a.pitch = :pitch AND a.stored = TRUE ORDER BY a.createdAt")
@NamedQuery(name = Attachment.UNCONFIRMED_BEFORE, query = "SELECT a.id FROM Attachment a WHERE a.stored = FALSE AND a.createdAt < :before")
public class Attachment {

    public static final String STORED_OF_PITCH = "Attachment.storedOfPitch";
    public static final String UNCONFIRMED_BEFORE = "Attachment.unconfirmedBefore";

    /** What a pitch may carry, by declared type: documents and still images, nothing executable. */
    public static final Map<String, String> ALLOWED_TYPES = Map.of(
            "application/pdf", "PDF",
            "text/plain", "text",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document",
            "application/vnd.oasis.opendocument.text", "OpenDocument text",
            "image/jpeg", "JPEG image",
            "image/png", "PNG image",
            "image/webp", "WebP image");

    public enum Kind {
        SCRIPT,
        STORYBOARD,
        REFERENCE_IMAGE,
        OTHER
    }

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pitch_id", nullable = false, updatable = false)
    private Pitch pitch;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    /** As the producer's device named it: shown and offered as the download name, never used as a key. */
    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(nullable = false)
    private boolean stored;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Attachment() {
        // for JPA
    }

    public Attachment(Pitch pitch, Kind kind, String fileName, String contentType, long size, long maxSize) {
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        if (!ALLOWED_TYPES.containsKey(type)) {
            throw new InvalidPitch("contentType", "must be a document or an image: PDF, text, Word, OpenDocument, JPEG, PNG or WebP");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidPitch("size", "must be between 1 byte and " + maxSize / (1024 * 1024) + " MB");
        }
        this.id = UUID.randomUUID();
        this.pitch = pitch;
        this.kind = kind == null ? Kind.OTHER : kind;
        this.fileName = fileName.strip();
        this.contentType = type;
        this.size = size;
        this.objectKey = "pitches/" + pitch.id() + "/attachments/" + id;
        this.createdAt = Timestamps.now();
    }

    /** @return whether the store holds what was announced; if so the attachment counts from now on */
    public boolean confirm(long storedSize) {
        stored = storedSize == size;
        return stored;
    }

    /**
     * Where the producer's browser puts the file. It is copied to {@link #objectKey()} once
     * checked, and only that copy is offered: the upload link still works for a while, and what
     * it puts later must not replace what crew and leads download.
     */
    public String uploadKey() {
        return "pitches/" + pitch.id() + "/attachment-uploads/" + id;
    }

    public UUID id() {
        return id;
    }

    public Pitch pitch() {
        return pitch;
    }

    public Kind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String objectKey() {
        return objectKey;
    }

    public boolean stored() {
        return stored;
    }
}
