package org.videoplatform.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.platform.entity.Timestamps;

/**
 * A file the checklist asks for: a signed consent form, or captions. Uploads are kept, a newer
 * caption file simply standing in front of the older ones.
 */
@Entity
@Table(name = "production_documents")
@NamedQuery(name = ProductionDocument.OF_PRODUCTION, query = "SELECT d FROM ProductionDocument d WHERE d.productionId = :production "
        + "ORDER BY d.uploadedAt DESC")
public class ProductionDocument {

    public static final String OF_PRODUCTION = "ProductionDocument.ofProduction";

    public enum Kind { CONSENT_FORM, CAPTIONS }

    @Id
    private UUID id;

    @Column(name = "production_id", nullable = false, updatable = false)
    private UUID productionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(name = "cue_count", updatable = false)
    private Integer cueCount;

    @Column(name = "cues_end_micros", updatable = false)
    private Long cuesEndMicros;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_by_id", updatable = false)
    private String uploadedById;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private OffsetDateTime uploadedAt;

    protected ProductionDocument() {
        // for JPA
    }

    private ProductionDocument(UUID productionId, Kind kind, String fileName, String contentType, long size, Actor by) {
        this.id = UUID.randomUUID();
        this.productionId = productionId;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.objectKey = "productions/" + productionId + "/documents/" + id;
        this.uploadedBy = by.name();
        this.uploadedById = by.id();
        this.uploadedAt = Timestamps.now();
    }

    public static ProductionDocument consentForm(UUID productionId, String fileName, String contentType, long size, Actor by) {
        return new ProductionDocument(productionId, Kind.CONSENT_FORM, fileName, contentType, size, by);
    }

    public static ProductionDocument captions(UUID productionId, String fileName, String contentType, long size, Captions captions,
                                              Actor by) {
        ProductionDocument document = new ProductionDocument(productionId, Kind.CAPTIONS, fileName, contentType, size, by);
        document.cueCount = captions.cueCount();
        document.cuesEndMicros = captions.endMicros();
        return document;
    }

    /** The caption file's cues, as they were read when it arrived. */
    public Captions cues() {
        return new Captions(contentType.equals("text/vtt") ? Captions.Format.WEBVTT : Captions.Format.SRT, cueCount, cuesEndMicros);
    }

    public UUID id() {
        return id;
    }

    public UUID productionId() {
        return productionId;
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

    public String uploadedBy() {
        return uploadedBy;
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }
}
