package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.boundary.Transcoding;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.media.entity.MediaAsset;

/**
 * Every node's watchdog looks for stalled jobs at the same moments. One that finds a job another
 * watchdog is taking back must pass over it, not wait for it and then fail its whole batch on the
 * version the other wrote.
 */
@ExtendWith(ArquillianExtension.class)
class StalledJobsIT {

    private static final String GONE_NODE = "a-node-that-stopped/run-1";

    @Deployment
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(StalledJobsIT.class.getPackage());
    }

    @Inject
    UploadingProducer producer;

    @Inject
    Transcoding transcoding;

    @Inject
    ObjectStore store;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @Test
    void aStalledJobAnotherWatchdogIsTakingBackIsPassedOver() throws Exception {
        MediaAsset first = producer.startsAnUpload();
        MediaAsset second = producer.startsAnUpload();
        UUID takenByTheOther = stalledJob(first.id());
        UUID free = stalledJob(second.id());
        try {
            // This transaction stands for the other node's watchdog, in the middle of taking the job back.
            transaction.begin();
            em.createNativeQuery("SELECT id FROM transcode_jobs WHERE id = ?1 FOR UPDATE").setParameter(1, takenByTheOther).getResultList();
            Future<Integer> watchdog = executor.submit(transcoding::releaseStalled);

            // Bounded only so that a watchdog stuck behind the row fails the test rather than hanging it.
            watchdog.get(30, TimeUnit.SECONDS);
            assertEquals(GONE_NODE, column(takenByTheOther, "node"), "left to the watchdog holding it");
            transaction.commit();

            // Taken back: by this call, or by the node's own watchdog if it came first.
            assertNotEquals(GONE_NODE, column(free, "node"));
        } finally {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
            // Cancelled, or a worker would claim them again and again: their uploads never finished.
            transaction.begin();
            em.createNativeQuery("UPDATE transcode_jobs SET state = 'CANCELLED', node = NULL WHERE id IN (?1, ?2)")
                    .setParameter(1, takenByTheOther).setParameter(2, free).executeUpdate();
            transaction.commit();
            for (MediaAsset upload : List.of(first, second)) {
                store.abortMultipartUpload(upload.objectKey(), upload.multipartUploadId());
            }
        }
    }

    @Test
    void aJobWhoseNodeStoppedOnItsLastAttemptFailsForGoodInsteadOfTakingDownTheNext() throws Exception {
        MediaAsset crashing = producer.startsAnUpload();
        UUID job = stalledJob(crashing.id(), 3);
        try {
            transaction.begin();
            // As a transcode that crashed its node left it.
            em.createNativeQuery("UPDATE media_assets SET state = 'PROCESSING' WHERE id = ?1").setParameter(1, crashing.id()).executeUpdate();
            transaction.commit();

            transcoding.releaseStalled();

            assertEquals("FAILED", column(job, "state"), "not queued for the next node to crash on");
            assertEquals("FAILED", em.createNativeQuery("SELECT state FROM media_assets WHERE id = ?1").setParameter(1, crashing.id())
                    .getSingleResult(), "a cut that never had outputs");
        } finally {
            store.abortMultipartUpload(crashing.objectKey(), crashing.multipartUploadId());
        }
    }

    private UUID stalledJob(UUID assetId) throws Exception {
        return stalledJob(assetId, 1);
    }

    /** A job whose worker's node stopped heart-beating a day ago, on the given attempt of three. */
    private UUID stalledJob(UUID assetId, int attempt) throws Exception {
        UUID id = UUID.randomUUID();
        transaction.begin();
        em.createNativeQuery("INSERT INTO transcode_jobs (id, asset_id, state, attempts, max_attempts, node, heartbeat_at, requested_by, "
                        + "queued_at, started_at) VALUES (?1, ?2, 'RUNNING', ?4, 3, ?3, now() - interval '1 day', 'test', "
                        + "now() - interval '1 day', now() - interval '1 day')")
                .setParameter(1, id).setParameter(2, assetId).setParameter(3, GONE_NODE).setParameter(4, attempt).executeUpdate();
        transaction.commit();
        return id;
    }

    private Object column(UUID jobId, String name) {
        return em.createNativeQuery("SELECT " + name + " FROM transcode_jobs WHERE id = ?1").setParameter(1, jobId).getSingleResult();
    }
}
