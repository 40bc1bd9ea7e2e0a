package org.videoplatform.media.entity;

import jakarta.persistence.Column;
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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.platform.entity.Timestamps;

/**
 * One run of the transcoder over an asset. The row, not the message that announced it, is the
 * truth: whichever worker claims it in the database does the work, and a worker whose node stops
 * heart-beating loses it to the next.
 */
@Entity
@Table(name = "transcode_jobs")
@NamedQuery(name = TranscodeJob.OF_ASSET, query = "SELECT j FROM TranscodeJob j WHERE j.asset = :asset ORDER BY j.queuedAt DESC")
// The cuts come with their jobs: fetched one by one afterwards, they would cost a query each again.
@NamedQuery(name = TranscodeJob.LATEST_OF_PRODUCTION, query = "SELECT j FROM TranscodeJob j JOIN FETCH j.asset "
        + "WHERE j.asset.production = :production "
        + "AND j.queuedAt = (SELECT MAX(k.queuedAt) FROM TranscodeJob k WHERE k.asset = j.asset)")
// Every node's watchdog looks at the same time: each takes the jobs no other holds, so a job is taken
// back once, and one whose worker is writing a heartbeat right now is not taken at all.
@NamedNativeQuery(name = TranscodeJob.STALLED, resultClass = TranscodeJob.class, query = "SELECT * FROM transcode_jobs "
        + "WHERE state = 'RUNNING' AND heartbeat_at < ?1 FOR UPDATE SKIP LOCKED")
@NamedQuery(name = TranscodeJob.RUNNING_ON, query = "SELECT j FROM TranscodeJob j "
        + "WHERE j.state = org.videoplatform.media.entity.JobState.RUNNING AND j.node LIKE :nodeName AND j.node <> :node")
@NamedQuery(name = TranscodeJob.AHEAD_OF, query = "SELECT COUNT(j) FROM TranscodeJob j "
        + "WHERE j.state = org.videoplatform.media.entity.JobState.QUEUED AND j.queuedAt < :queuedAt")
public class TranscodeJob {

    public static final String OF_ASSET = "TranscodeJob.ofAsset";
    public static final String LATEST_OF_PRODUCTION = "TranscodeJob.latestOfProduction";
    public static final String STALLED = "TranscodeJob.stalled";
    public static final String RUNNING_ON = "TranscodeJob.runningOn";
    public static final String AHEAD_OF = "TranscodeJob.aheadOf";

    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofMinutes(10);
    private static final int MAX_ERROR_LENGTH = 2000;
    public static final String CANCELLED_BY = "Cancelled by ";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "asset_id", nullable = false, updatable = false)
    private MediaAsset asset;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "max_attempts", nullable = false, updatable = false)
    private int maxAttempts;

    /** From 0 to 1. */
    @Column(nullable = false)
    private double progress;

    private String node;

    @Column(name = "heartbeat_at")
    private OffsetDateTime heartbeatAt;

    /** A retry waits until then, so a passing outage is not hammered. */
    @Column(name = "not_before")
    private OffsetDateTime notBefore;

    private String error;

    /** Who cancelled the job, whose name the error gives: rewritten if their credit changes. */
    @Column(name = "cancelled_by_id")
    private String cancelledById;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "queued_at", nullable = false, updatable = false)
    private OffsetDateTime queuedAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Version
    private long version;

    protected TranscodeJob() {
        // for JPA
    }

    public TranscodeJob(MediaAsset asset, String requestedBy, int maxAttempts) {
        this.id = UUID.randomUUID();
        this.asset = asset;
        this.requestedBy = requestedBy;
        this.maxAttempts = maxAttempts;
        this.state = JobState.QUEUED;
        this.queuedAt = Timestamps.now();
    }

    /**
     * Takes the job for a worker when it is waiting and due, or when its worker's node has not
     * heart-beaten since {@code staleBefore}.
     *
     * @return whether the worker now holds the job
     */
    public boolean claim(String workerNode, OffsetDateTime staleBefore) {
        OffsetDateTime now = Timestamps.now();
        boolean due = state == JobState.QUEUED && (notBefore == null || !notBefore.isAfter(now));
        // One abandoned on its last attempt is the watchdog's to fail: taken again, it may take down another node.
        boolean abandoned = state == JobState.RUNNING && heartbeatAt != null && heartbeatAt.isBefore(staleBefore) && attempts < maxAttempts;
        if (!due && !abandoned) {
            return false;
        }
        state = JobState.RUNNING;
        node = workerNode;
        attempts++;
        progress = 0;
        heartbeatAt = now;
        startedAt = startedAt == null ? now : startedAt;
        notBefore = null;
        return true;
    }

    public boolean heldBy(String workerNode) {
        return state == JobState.RUNNING && workerNode.equals(node);
    }

    public void heartbeat(double fraction) {
        progress = Math.max(0, Math.min(1, fraction));
        heartbeatAt = Timestamps.now();
    }

    public void succeeded() {
        state = JobState.SUCCEEDED;
        progress = 1;
        finish(null);
    }

    /** Bad input: another attempt would fail the same way. */
    public void failedForGood(String reason) {
        state = JobState.FAILED;
        finish(reason);
    }

    /**
     * A failure that may pass (storage away, node short of disk): waits longer after each attempt,
     * and gives up when the attempts are used.
     *
     * @return when to try again, or null when the job has failed for good
     */
    public OffsetDateTime failedForNow(String reason) {
        if (attempts >= maxAttempts) {
            failedForGood("Gave up after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + reason);
            return null;
        }
        state = JobState.QUEUED;
        node = null;
        error = truncate(reason);
        notBefore = Timestamps.now().plus(retryDelay(attempts));
        return notBefore;
    }

    /** 30 s after the first failure, then four times longer each time, never more than 10 minutes. */
    static Duration retryDelay(int failedAttempts) {
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << Math.min(20, 2 * (failedAttempts - 1)));
        return delay.compareTo(LONGEST_RETRY_DELAY) > 0 ? LONGEST_RETRY_DELAY : delay;
    }

    /**
     * A node that restarted, or stopped heart-beating, lets the job go back to the queue, unless
     * its attempts are used: a file that crashes the decoder takes its node down with it, and
     * queued again and again it would take down each node in turn.
     *
     * @return whether the job waits in the queue again
     */
    public boolean released() {
        if (state != JobState.RUNNING) {
            return false;
        }
        if (attempts >= maxAttempts) {
            failedForGood("Its node stopped during the last of its " + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + ": the file may be one the transcoder cannot read");
            return false;
        }
        state = JobState.QUEUED;
        node = null;
        return true;
    }

    public void cancelled(Actor lead) {
        if (!state.isActive()) {
            throw new MediaRefused("This job has already " + state.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        state = JobState.CANCELLED;
        cancelledById = lead.id();
        finish(CANCELLED_BY + lead.name());
    }

    private void finish(String reason) {
        node = null;
        error = truncate(reason);
        finishedAt = Timestamps.now();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    public UUID id() {
        return id;
    }

    public MediaAsset asset() {
        return asset;
    }

    public JobState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public double progress() {
        return progress;
    }

    public String node() {
        return node;
    }

    public OffsetDateTime heartbeatAt() {
        return heartbeatAt;
    }

    public OffsetDateTime notBefore() {
        return notBefore;
    }

    public String error() {
        return error;
    }

    public OffsetDateTime queuedAt() {
        return queuedAt;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }
}
