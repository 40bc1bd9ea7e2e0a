package org.videoplatform.media.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.media.control.WorkerNode;
import org.videoplatform.media.entity.AssetState;
import org.videoplatform.media.entity.JobState;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.media.entity.MediaFacts;
import org.videoplatform.media.entity.MediaOutput;
import org.videoplatform.media.entity.MediaRefused;
import org.videoplatform.media.entity.OutputKind;
import org.videoplatform.media.entity.TranscodeJob;
import org.videoplatform.members.boundary.CreditChanged;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.platform.entity.Timestamps;

/**
 * Transcoding jobs in the database. A message on the {@code transcoding} queue only wakes a worker;
 * every step a worker takes is a short transaction here that checks the job is still its own, so
 * a job taken back from a dead node, or cancelled by a lead, cannot be finished twice.
 */
@Stateless
@PermitAll // the worker has no caller; the lead's and the producer's methods say who may call them
public class Transcoding {

    private static final Logger LOG = Logger.getLogger(Transcoding.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/transcoding")
    Queue queue;

    @Inject
    WorkerNode node;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "vp.transcoding.max-attempts", defaultValue = "3")
    int maxAttempts;

    /** How long a running job may go without a heartbeat before another worker takes it. */
    @Inject
    @ConfigProperty(name = "vp.transcoding.stale-after", defaultValue = "PT2M")
    Duration staleAfter;

    /**
     * How long a rerun leaves the files it replaced, for review players and download links handed
     * out before: a player's links last ten minutes plus the cut's length, a download link ten
     * minutes.
     */
    @Inject
    @ConfigProperty(name = "vp.media.keep-replaced-outputs", defaultValue = "PT12H")
    Duration keepReplacedOutputs;

    /** A job for a freshly uploaded file; its message leaves only if the upload's transaction commits. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public TranscodeJob enqueue(MediaAsset asset, String requestedBy) {
        TranscodeJob job = new TranscodeJob(asset, requestedBy, maxAttempts);
        em.persist(job);
        announce(job.id(), Duration.ZERO);
        return job;
    }

    /** @return the job, now held by this node's worker, or empty when it is not due or someone else holds it */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<TranscodeJob> claim(UUID jobId) {
        TranscodeJob job = em.find(TranscodeJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.claim(node.run(), Timestamps.now().minus(staleAfter))) {
            return Optional.empty();
        }
        // Touch the asset so the worker's detached copy carries everything it reads.
        job.asset().production().id();
        return Optional.of(job);
    }

    /** @return whether the worker should carry on: false once the job was cancelled or taken back */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean heartbeat(UUID jobId, double progress) {
        Optional<TranscodeJob> held = held(jobId);
        held.ifPresent(job -> job.heartbeat(progress));
        return held.isPresent();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void probed(UUID jobId, MediaFacts facts, String sha256) {
        held(jobId).ifPresent(job -> job.asset().probed(facts, sha256));
    }

    /** Bad input: the producer is told why, the original stays, and nothing is retried. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rejected(UUID jobId, String reason, String sha256) {
        held(jobId).ifPresent(job -> {
            job.failedForGood(reason);
            job.asset().rejected(reason, sha256);
        });
    }

    /**
     * Makes the outputs visible in one transaction, so readers see all of them or none.
     *
     * @return false when the job is no longer this worker's: the caller throws its files away
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean publish(UUID jobId, List<PublishedFile> files) {
        Optional<TranscodeJob> held = held(jobId);
        held.ifPresent(job -> {
            int replaced = em.createNamedQuery(MediaOutput.REMOVE_OF_ASSET).setParameter("asset", job.asset()).executeUpdate();
            files.forEach(f -> em.persist(new MediaOutput(job, f.kind(), f.objectKey(), f.width(), f.height(), f.size())));
            job.succeeded();
            // Someone may be watching the replaced files through links handed out before; what failed attempts left can go now.
            job.asset().ready(Timestamps.now().plus(replaced > 0 ? keepReplacedOutputs : Duration.ZERO));
        });
        return held.isPresent();
    }

    /** A file the worker stored, with what its record says about it. */
    public record PublishedFile(OutputKind kind, String objectKey, int width, int height, long size) {
    }

    /** A failure that may pass: queued again after a back-off, or failed for good when attempts run out. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(UUID jobId, String reason) {
        held(jobId).ifPresent(job -> {
            OffsetDateTime retryAt = job.failedForNow(reason);
            if (retryAt == null) {
                endedWithoutOutputs(job.asset());
            } else {
                announce(job.id(), Duration.between(Timestamps.now(), retryAt));
            }
        });
    }

    /** Runs the transcoder again over a file, for instance after a failure or to remake its outputs. */
    @RolesAllowed({"video-lead", "admin"})
    public Optional<TranscodeJob> rerun(UUID assetId, Actor lead) {
        MediaAsset asset = em.find(MediaAsset.class, assetId, LockModeType.PESSIMISTIC_WRITE);
        if (asset == null) {
            return Optional.empty();
        }
        asset.requireNotFrozen("transcoded again");
        asset.reprocessing();
        TranscodeJob job = enqueue(asset, lead.id());
        audit.record(new AuditEntry(lead, "media.transcode-rerun", "media", assetId.toString(), null));
        return Optional.of(job);
    }

    /** Stops the file's waiting or running job; a running worker notices at its next heartbeat. */
    @RolesAllowed({"video-lead", "admin"})
    public Optional<TranscodeJob> cancel(UUID assetId, Actor lead) {
        MediaAsset asset = em.find(MediaAsset.class, assetId);
        if (asset == null) {
            return Optional.empty();
        }
        TranscodeJob job = latest(asset).orElse(null);
        // The job before the cut, the order the worker's own steps lock them in: the other way round,
        // a cancel arriving as the worker records its probe deadlocked with it.
        if (job != null) {
            em.refresh(job, LockModeType.PESSIMISTIC_WRITE);
        }
        em.refresh(asset, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.state().isActive()) {
            throw new MediaRefused("This file has no transcoding job waiting or running");
        }
        job.cancelled(lead);
        endedWithoutOutputs(asset);
        audit.record(new AuditEntry(lead, "media.transcode-cancelled", "media", assetId.toString(), null));
        return Optional.of(job);
    }

    public Optional<TranscodeJob> latest(MediaAsset asset) {
        return em.createNamedQuery(TranscodeJob.OF_ASSET, TranscodeJob.class).setParameter("asset", asset).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The latest job of each of the production's cuts, by cut id. */
    public Map<UUID, TranscodeJob> latestOfProduction(Production production) {
        return em.createNamedQuery(TranscodeJob.LATEST_OF_PRODUCTION, TranscodeJob.class).setParameter("production", production)
                .getResultStream().collect(Collectors.toMap(job -> job.asset().id(), Function.identity(), (one, same) -> one));
    }

    /** How many jobs wait before this one; zero once it runs. */
    public long queuePosition(TranscodeJob job) {
        if (job.state() != JobState.QUEUED) {
            return 0;
        }
        return em.createNamedQuery(TranscodeJob.AHEAD_OF, Long.class).setParameter("queuedAt", job.queuedAt()).getSingleResult();
    }

    @PermitAll
    public void recredit(@Observes CreditChanged changed) {
        changed.rewrite(em, "UPDATE transcode_jobs SET error = '" + TranscodeJob.CANCELLED_BY + "' || ?1 WHERE cancelled_by_id = ?2");
    }

    /** Jobs whose worker stopped heart-beating go back to the queue, for this node or another to finish. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseStalled() {
        return release(em.createNamedQuery(TranscodeJob.STALLED, TranscodeJob.class)
                .setParameter(1, Timestamps.now().minus(staleAfter)).getResultList());
    }

    /** A node that comes back after a crash releases at once what its previous run held, without waiting to go stale. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseHeldByEarlierRuns() {
        return release(em.createNamedQuery(TranscodeJob.RUNNING_ON, TranscodeJob.class)
                .setParameter("nodeName", node.name() + "/%").setParameter("node", node.run()).getResultList());
    }

    private int release(List<TranscodeJob> jobs) {
        for (TranscodeJob job : jobs) {
            String node = job.node();
            if (job.released()) {
                LOG.info(() -> "Taking back transcoding job " + job.id() + " from " + node);
                announce(job.id(), Duration.ZERO);
            } else if (job.state() == JobState.FAILED) {
                LOG.warning(() -> "Transcoding job " + job.id() + " failed for good: " + job.error());
                if (job.asset().state() == AssetState.PROCESSING) {
                    endedWithoutOutputs(job.asset());
                }
            }
        }
        return jobs.size();
    }

    /**
     * A cut whose run stopped without new outputs: ready with the outputs of the run before, when it
     * was run again over a playable cut, and failed when it never had any.
     */
    private void endedWithoutOutputs(MediaAsset asset) {
        boolean earlierOutputs = !em.createNamedQuery(MediaOutput.OF_ASSET, MediaOutput.class).setParameter("asset", asset)
                .setMaxResults(1).getResultList().isEmpty();
        if (earlierOutputs) {
            asset.keepsEarlierOutputs();
        } else {
            asset.failed();
        }
    }

    private Optional<TranscodeJob> held(UUID jobId) {
        return Optional.ofNullable(em.find(TranscodeJob.class, jobId, LockModeType.PESSIMISTIC_WRITE))
                .filter(job -> job.heldBy(node.run()))
                .filter(job -> job.asset().state() == AssetState.PROCESSING);
    }

    private void announce(UUID jobId, Duration delay) {
        jms.createProducer().setDeliveryDelay(Math.max(0, delay.toMillis())).send(queue, jobId.toString());
    }
}
