package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.boundary.ReplacedOutputs;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.media.entity.AssetState;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.media.entity.MediaRefused;
import org.videoplatform.platform.entity.Timestamps;

/**
 * What the platform notes about a cut for itself (upload activity, earlier runs cleared up) is
 * written while people act on the same cut. A change someone made meanwhile must still be saved,
 * not refused as a version conflict: a producer saw "someone else changed this" on submitting a
 * cut that had just become ready, because the sweep had cleared up after it in between.
 */
@ExtendWith(ArquillianExtension.class)
class BookkeepingWritesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(BookkeepingWritesIT.class.getPackage());
    }

    @Inject
    UploadingProducer producer;

    @Inject
    ReplacedOutputs replacedOutputs;

    @Inject
    ObjectStore store;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @Test
    void aCutSubmittedWhileTheSweepClearsUpAfterItsRunIsSubmitted() throws Exception {
        MediaAsset upload = producer.startsAnUpload();
        store.abortMultipartUpload(upload.objectKey(), upload.multipartUploadId());
        // As every cut is the moment its first run publishes: ready, with what failed attempts may have left due now.
        rewrite(upload.id(), "state = 'READY', multipart_upload_id = NULL, earlier_runs_expire_at = now() - interval '1 second'");

        transaction.begin();
        MediaAsset opened = em.find(MediaAsset.class, upload.id());
        // Not part of the open transaction: the sweep runs in transactions of its own.
        assertTrue(replacedOutputs.deleteDue(Timestamps.now()) >= 1);
        opened.submitAs(1);
        transaction.commit();

        MediaAsset saved = em.find(MediaAsset.class, upload.id());
        assertEquals(1, saved.cutNumber());
        assertNull(column(upload.id(), "earlier_runs_expire_at"), "the sweep's write stands too");
    }

    @Test
    void anUploadCompletedWhileItsActivityIsNotedIsCompleted() throws Exception {
        MediaAsset upload = producer.startsAnUpload();
        rewrite(upload.id(), "last_activity_at = now() - interval '1 hour'");
        OffsetDateTime idleSince = (OffsetDateTime) column(upload.id(), "last_activity_at");

        transaction.begin();
        MediaAsset opened = em.find(MediaAsset.class, upload.id());
        producer.signsTheFirstPart(upload.id());
        assertTrue(((OffsetDateTime) column(upload.id(), "last_activity_at")).isAfter(idleSince), "signing a part noted activity");
        opened.completed();
        transaction.commit();

        assertEquals(AssetState.PROCESSING, em.find(MediaAsset.class, upload.id()).state());
        store.abortMultipartUpload(upload.objectKey(), upload.multipartUploadId());
    }

    @Test
    void anUploadAbandonedAsItsResumeAsksForPartsIsRefusedNotSigned() throws Exception {
        MediaAsset upload = producer.startsAnUpload();
        rewrite(upload.id(), "last_activity_at = now() - interval '1 hour'");

        // This transaction stands for the abandoned-upload sweep's, which holds the row while it aborts.
        transaction.begin();
        em.createNativeQuery("SELECT id FROM media_assets WHERE id = ?1 FOR UPDATE").setParameter(1, upload.id()).getResultList();
        Future<?> resume = executor.submit(() -> producer.signsTheFirstPart(upload.id()));
        awaitNotingActivityHeldUp();
        em.createNativeQuery("UPDATE media_assets SET state = 'ABORTED', multipart_upload_id = NULL WHERE id = ?1")
                .setParameter(1, upload.id()).executeUpdate();
        transaction.commit();
        store.abortMultipartUpload(upload.objectKey(), upload.multipartUploadId());

        ExecutionException refused = assertThrows(ExecutionException.class, resume::get);
        assertTrue(refused.getCause() instanceof MediaRefused, refused.getCause().toString());
        assertTrue(refused.getCause().getMessage().contains("its parts were thrown away"), refused.getCause().getMessage());
    }

    /** Until the resume's request waits on the row this transaction holds, between reading the upload and noting its activity. */
    private void awaitNotingActivityHeldUp() throws InterruptedException {
        long giveUpAt = System.nanoTime() + 30_000_000_000L;
        // pg_locks, not pg_stat_activity: that view is read once per transaction, and this one stays open.
        while (((Number) em.createNativeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY (pg_blocking_pids(pid))")
                .getSingleResult()).intValue() == 0) {
            if (System.nanoTime() > giveUpAt) {
                throw new AssertionError("the resume never reached noting its activity");
            }
            Thread.sleep(20);
        }
    }

    private void rewrite(UUID assetId, String assignments) throws Exception {
        transaction.begin();
        em.createNativeQuery("UPDATE media_assets SET " + assignments + " WHERE id = ?1").setParameter(1, assetId).executeUpdate();
        transaction.commit();
    }

    private Object column(UUID assetId, String name) {
        Object value = em.createNativeQuery("SELECT " + name + " FROM media_assets WHERE id = ?1").setParameter(1, assetId).getSingleResult();
        return value instanceof Timestamp stamp ? stamp.toInstant().atOffset(ZoneOffset.UTC) : value;
    }
}
