package org.videoplatform.media.entity;

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
import org.videoplatform.platform.entity.Timestamps;

/** A file a transcoding job published: a proxy, a delivery rendition, the HLS master playlist, an image. */
@Entity
@Table(name = "media_outputs")
@NamedQuery(name = MediaOutput.OF_ASSET, query = "SELECT o FROM MediaOutput o WHERE o.asset = :asset ORDER BY o.kind, o.objectKey")
@NamedQuery(name = MediaOutput.REMOVE_OF_ASSET, query = "DELETE FROM MediaOutput o WHERE o.asset = :asset")
public class MediaOutput {

    public static final String OF_ASSET = "MediaOutput.ofAsset";
    public static final String REMOVE_OF_ASSET = "MediaOutput.removeOfAsset";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "asset_id", nullable = false, updatable = false)
    private MediaAsset asset;

    @ManyToOne(optional = false)
    @JoinColumn(name = "job_id", nullable = false, updatable = false)
    private TranscodeJob job;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OutputKind kind;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    private Integer width;

    private Integer height;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected MediaOutput() {
        // for JPA
    }

    public MediaOutput(TranscodeJob job, OutputKind kind, String objectKey, int width, int height, long size) {
        this.id = UUID.randomUUID();
        this.asset = job.asset();
        this.job = job;
        this.kind = kind;
        this.objectKey = objectKey;
        this.contentType = kind.contentType();
        this.width = width > 0 ? width : null;
        this.height = height > 0 ? height : null;
        this.size = size;
        this.createdAt = Timestamps.now();
    }

    public UUID id() {
        return id;
    }

    public OutputKind kind() {
        return kind;
    }

    public String objectKey() {
        return objectKey;
    }

    public String contentType() {
        return contentType;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public long size() {
        return size;
    }

    public TranscodeJob job() {
        return job;
    }
}
