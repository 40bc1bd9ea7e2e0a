package org.videoplatform.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.platform.entity.Timestamps;

/**
 * A video file a producer uploads for a production. The browser sends the bytes straight to the
 * object store as a multipart upload; this record knows how the file was cut into parts, where it
 * lives and how far it got. The key is the platform's, never the file's name.
 */
@Entity
@Table(name = "media_assets")
@NamedQuery(name = MediaAsset.OF_PRODUCTION, query = "SELECT a FROM MediaAsset a WHERE a.production = :production "
        + "AND a.state <> org.videoplatform.media.entity.AssetState.ABORTED ORDER BY a.createdAt")
@NamedNativeQuery(name = MediaAsset.TOUCH, query = "UPDATE media_assets SET last_activity_at = ?1 WHERE id = ?2 AND state = 'UPLOADING'")
@NamedQuery(name = MediaAsset.UNFINISHED_SINCE, query = "SELECT a FROM MediaAsset a "
        + "WHERE a.state = org.videoplatform.media.entity.AssetState.UPLOADING AND a.lastActivityAt < :before")
@NamedQuery(name = MediaAsset.LAST_CUT_NUMBER, query = "SELECT MAX(a.cutNumber) FROM MediaAsset a WHERE a.production = :production")
@NamedQuery(name = MediaAsset.EARLIER_RUNS_DUE, query = "SELECT a.id FROM MediaAsset a WHERE a.earlierRunsExpireAt <= :now "
        + "AND a.state <> org.videoplatform.media.entity.AssetState.PROCESSING")
@NamedNativeQuery(name = MediaAsset.EARLIER_RUNS_GONE, query = "UPDATE media_assets SET earlier_runs_expire_at = NULL WHERE id = ?1")
public class MediaAsset {

    public static final String LAST_CUT_NUMBER = "MediaAsset.lastCutNumber";

    public static final String OF_PRODUCTION = "MediaAsset.ofProduction";
    public static final String UNFINISHED_SINCE = "MediaAsset.unfinishedSince";
    public static final String EARLIER_RUNS_DUE = "MediaAsset.earlierRunsDue";
    /**
     * In SQL, leaving the version alone: EclipseLink raises the version in a JPQL bulk update, and a
     * producer submitting the cut as the sweep cleared up after it got a version conflict.
     */
    public static final String EARLIER_RUNS_GONE = "MediaAsset.earlierRunsGone";
    /**
     * Keeps a slow but living upload from being swept as abandoned. In SQL, leaving the version
     * alone, so noting activity never turns the producer's completing or aborting the upload
     * meanwhile into a version conflict.
     */
    public static final String TOUCH = "MediaAsset.touch";

    /** S3 refuses an upload of more parts than this. */
    public static final int MAX_PARTS = 10_000;
    private static final long MIB = 1024L * 1024;
    /**
     * Parts are at least this big: far above S3's 5 MiB floor so a phone does not pay a round trip per
     * few megabytes, small enough that a dropped connection loses little.
     */
    static final long MIN_PART_SIZE = 8 * MIB;
    private static final int MAX_NAME_LENGTH = 255;

    @Id
    private UUID id;

    // Cuts read in a list, or joined to releases, read their productions in one query, not one each.
    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "production_id", nullable = false, updatable = false)
    private Production production;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    /** As the producer's device named it: shown and offered as the download name, never used as a key. */
    @Column(name = "original_name", nullable = false, updatable = false)
    private String originalName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "part_size", nullable = false, updatable = false)
    private long partSize;

    @Column(name = "object_key", nullable = false, updatable = false)
    private String objectKey;

    @Column(name = "multipart_upload_id")
    private String multipartUploadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssetState state;

    private String sha256;

    private String rejection;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private OffsetDateTime lastActivityAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Embedded
    private MediaFacts facts;

    /** The version number, v1, v2…, given when the producer submits the cut for review. */
    @Column(name = "cut_number")
    private Integer cutNumber;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    /** Set once a lead approves the cut: from then on its media is never replaced. */
    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    /** When the stored files of transcoding runs before the published one may be deleted. */
    @Column(name = "earlier_runs_expire_at")
    private OffsetDateTime earlierRunsExpireAt;

    @Version
    private long version;

    protected MediaAsset() {
        // for JPA
    }

    public MediaAsset(Production production, String uploadedBy, String fileName, String contentType, long size, long maxSize) {
        if (size < 1) {
            throw new InvalidInput("size", "must be at least 1 byte: the file is empty");
        }
        if (size > maxSize) {
            throw new InvalidInput("size", "must be at most " + describeBytes(maxSize) + "; this file is " + describeBytes(size));
        }
        this.id = UUID.randomUUID();
        this.production = production;
        this.uploadedBy = uploadedBy;
        this.originalName = displayName(fileName);
        this.contentType = mediaType(contentType);
        this.size = size;
        this.partSize = partSizeFor(size);
        this.objectKey = "productions/" + production.id() + "/originals/" + id;
        this.state = AssetState.UPLOADING;
        this.createdAt = Timestamps.now();
        this.lastActivityAt = createdAt;
    }

    /** The smallest whole number of MiB, at least {@link #MIN_PART_SIZE}, that fits the file in {@link #MAX_PARTS} parts. */
    static long partSizeFor(long size) {
        long fitting = ceilDiv(size, MAX_PARTS);
        return Math.max(MIN_PART_SIZE, ceilDiv(fitting, MIB) * MIB);
    }

    /** Java 17 has no Math.ceilDiv; sizes here are positive. */
    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /**
     * The last segment of what the device sent, without control characters: browsers on Windows send
     * "C:\fakepath\cut.mp4", and a name is later put into headers and HTML.
     */
    public static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        return name.isEmpty() ? "video" : name;
    }

    /** Phones often send no type at all; the probe, not the declared type, decides what the file is. */
    private static String mediaType(String declared) {
        String type = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
        return type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+") ? type : "application/octet-stream";
    }

    private static String describeBytes(long bytes) {
        return bytes >= 1024 * MIB ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * MIB))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

    public void begun(String storeUploadId) {
        this.multipartUploadId = storeUploadId;
    }

    /** @return the number of parts the browser sends, all {@link #partSize()} bytes but the last */
    public int partCount() {
        return (int) ceilDiv(size, partSize);
    }

    /** @param field what the request called the part number, for the error that names it */
    public void requirePart(String field, int number) {
        if (number < 1 || number > partCount()) {
            throw new InvalidInput(field, "must be a part number between 1 and " + partCount());
        }
    }

    /** Bytes expected in part {@code number} (1-based); the last part takes what is left. */
    public long expectedPartSize(int number) {
        requirePart("partNumber", number);
        return number < partCount() ? partSize : size - partSize * (partCount() - 1);
    }

    /** Refuses parts and listings for an upload that was completed or aborted. */
    public void requireUnfinished() {
        requireUploading("continue");
    }

    /** The store holds the whole file: from now on it is never written again, only read. */
    public void completed() {
        requireUploading("complete");
        multipartUploadId = null;
        state = AssetState.PROCESSING;
        completedAt = Timestamps.now();
        lastActivityAt = completedAt;
    }

    /**
     * Puts the cut up for review as version {@code number}. Only a cut that plays everywhere can be
     * reviewed, and each cut is reviewed once: changes mean a new cut.
     */
    public void submitAs(int number) {
        if (cutNumber != null) {
            throw new MediaRefused("This cut was already submitted as v" + cutNumber + "; upload a new cut to submit changes");
        }
        if (state != AssetState.READY) {
            throw new MediaRefused("Only a cut that is ready can be submitted for review; this one is "
                    + state.name().toLowerCase(Locale.ROOT) + (state == AssetState.PROCESSING ? ": wait until transcoding finishes" : ""));
        }
        cutNumber = number;
        submittedAt = Timestamps.now();
    }

    /** What is approved is what the lead watched: outputs being made again are not yet that. */
    public void approved() {
        if (state != AssetState.READY) {
            throw new MediaRefused(state == AssetState.PROCESSING ? "v" + cutNumber + "'s outputs are being made again: approve it once they are ready"
                    : "v" + cutNumber + " is " + state.name().toLowerCase(Locale.ROOT) + ": only a cut that is ready can be approved");
        }
        approvedAt = Timestamps.now();
    }

    /** An approved cut's outputs are what was approved; re-making them could change what goes out. */
    public void requireNotFrozen(String whatWasAsked) {
        if (approvedAt != null) {
            throw new MediaRefused("v" + cutNumber + " was approved and is frozen: it cannot be " + whatWasAsked + ". Upload a new cut instead");
        }
    }

    public Integer cutNumber() {
        return cutNumber;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public OffsetDateTime approvedAt() {
        return approvedAt;
    }

    public boolean idleSince(OffsetDateTime moment) {
        return lastActivityAt.isBefore(moment);
    }

    /** What the probe found, and the fingerprint of the bytes it found it in. */
    public void probed(MediaFacts found, String sha256OfOriginal) {
        this.facts = found;
        this.sha256 = sha256OfOriginal;
    }

    /** Not a playable video: the original stays, the producer is told why. */
    public void rejected(String reason, String sha256OfOriginal) {
        requireState(AssetState.PROCESSING, "reject");
        this.sha256 = sha256OfOriginal;
        this.rejection = reason;
        this.state = AssetState.REJECTED;
    }

    /** @param earlierRunsExpireAt when the files of earlier runs, which nothing refers to any more, may go */
    public void ready(OffsetDateTime earlierRunsExpireAt) {
        requireState(AssetState.PROCESSING, "publish outputs of");
        this.state = AssetState.READY;
        this.rejection = null;
        this.earlierRunsExpireAt = earlierRunsExpireAt;
    }

    /** A run in progress writes under the same prefix, so nothing goes while one may be. */
    public boolean earlierRunsDueBy(OffsetDateTime now) {
        return earlierRunsExpireAt != null && !earlierRunsExpireAt.isAfter(now) && state != AssetState.PROCESSING;
    }

    /** Where every transcoding run of this file stores its outputs, each attempt in a folder of its own. */
    public String outputsPrefix() {
        return "productions/" + production.id() + "/media/" + id + "/";
    }

    public void failed() {
        requireState(AssetState.PROCESSING, "fail");
        this.state = AssetState.FAILED;
    }

    /** A run again that stopped before publishing leaves the outputs of the run before in place, and they play. */
    public void keepsEarlierOutputs() {
        requireState(AssetState.PROCESSING, "go back to the earlier outputs of");
        this.state = AssetState.READY;
    }

    /** A lead runs the transcoder again, over a cut that failed, was rejected or whose outputs are to be redone. */
    public void reprocessing() {
        if (state == AssetState.UPLOADING || state == AssetState.ABORTED || state == AssetState.PROCESSING) {
            throw new MediaRefused("Cannot transcode this file again: it is " + state.name().toLowerCase(Locale.ROOT));
        }
        this.state = AssetState.PROCESSING;
        this.rejection = null;
    }

    private void requireState(AssetState expected, String action) {
        if (state != expected) {
            throw new MediaRefused("Cannot " + action + " this file: it is " + state.name().toLowerCase(Locale.ROOT));
        }
    }

    public void aborted() {
        requireUploading("abort");
        multipartUploadId = null;
        state = AssetState.ABORTED;
        lastActivityAt = Timestamps.now();
    }

    private void requireUploading(String action) {
        if (state == AssetState.ABORTED) {
            throw new MediaRefused("Cannot " + action + " this upload: it was stopped, or left unfinished too long, and the parts sent"
                    + " were thrown away. Upload the file again");
        }
        if (state != AssetState.UPLOADING) {
            throw new MediaRefused("Cannot " + action + " this upload: it is " + state.name().toLowerCase(Locale.ROOT));
        }
    }

    public UUID id() {
        return id;
    }

    public Production production() {
        return production;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public String originalName() {
        return originalName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public long partSize() {
        return partSize;
    }

    public String objectKey() {
        return objectKey;
    }

    public String multipartUploadId() {
        return multipartUploadId;
    }

    public AssetState state() {
        return state;
    }

    public String sha256() {
        return sha256;
    }

    public String rejection() {
        return rejection;
    }

    /** Null until probed, and for files the probe could not read. */
    public MediaFacts facts() {
        return facts;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }
}
