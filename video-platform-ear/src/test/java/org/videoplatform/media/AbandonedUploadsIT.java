package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.boundary.Media;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.media.control.ObjectStoreException;
import org.videoplatform.media.control.StoredPart;
import org.videoplatform.media.entity.AssetState;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.platform.entity.Timestamps;

/**
 * Uploads nobody continues are aborted in the store, so their parts do not pile up; one the store
 * completed though the record missed it is recorded as complete.
 */
@ExtendWith(ArquillianExtension.class)
class AbandonedUploadsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(AbandonedUploadsIT.class.getPackage());
    }

    @Inject
    Media media;

    @Inject
    UploadingProducer producer;

    @Inject
    ObjectStore store;

    @PersistenceContext
    EntityManager em;

    @Test
    void anUploadIdlePastTheLimitIsAbortedAndAFreshOneKept() throws Exception {
        MediaAsset idle = producer.startsAnUpload();
        String storeUploadId = idle.multipartUploadId();
        sendsPart(idle, 1, new byte[(int) idle.partSize()]);
        assertEquals(1, store.storedParts(idle.objectKey(), storeUploadId).size());

        int abandoned = media.abandonUploadsIdleSince(Timestamps.now().plus(Duration.ofSeconds(1)));
        MediaAsset fresh = producer.startsAnUpload();
        media.abandonUploadsIdleSince(Timestamps.now().minus(Duration.ofHours(1)));

        assertTrue(abandoned >= 1);
        assertEquals(AssetState.ABORTED, em.find(MediaAsset.class, idle.id()).state());
        assertEquals(List.of(), store.storedParts(idle.objectKey(), storeUploadId), "the stored part is thrown away");
        assertEquals(AssetState.UPLOADING, em.find(MediaAsset.class, fresh.id()).state());
    }

    /** The store may throw an unfinished upload away first (MinIO does after a day): the sweep still closes it, once. */
    @Test
    void anUploadTheStoreHasForgottenIsClosedBySweep() {
        MediaAsset forgotten = producer.startsAnUpload();
        store.abortMultipartUpload(forgotten.objectKey(), forgotten.multipartUploadId());

        media.abandonUploadsIdleSince(Timestamps.now().plus(Duration.ofSeconds(1)));

        assertEquals(AssetState.ABORTED, em.find(MediaAsset.class, forgotten.id()).state());
    }

    /** A completed upload is not known to the store either, but it is no forgotten one: its object is whole, and stays. */
    @Test
    void anUploadTheStoreCompletedIsNotTakenForForgotten() throws Exception {
        MediaAsset completed = joinedInTheStoreOnly();

        assertThrows(ObjectStoreException.class, () -> store.abortMultipartUpload(completed.objectKey(), completed.multipartUploadId()));
        assertEquals(completed.size(), store.describe(completed.objectKey()).orElseThrow().size());
    }

    /**
     * The store joined the parts, but the commit that should have recorded the completion failed
     * (a timeout, the database away): the producer's Retry lists every part as sent and completes.
     */
    @Test
    void anUploadJoinedInTheStoreButNotInTheRecordCompletesOnRetry() throws Exception {
        MediaAsset upload = joinedInTheStoreOnly();

        assertEquals(List.of(1, 2, 3), producer.listsParts(upload.id()).stream().map(StoredPart::number).toList());
        producer.completes(upload.id());

        assertEquals(AssetState.PROCESSING, em.find(MediaAsset.class, upload.id()).state());
    }

    /** Where the producer never came back, the sweep records the completion, where it tried to abort the upload at every run. */
    @Test
    void anUploadJoinedInTheStoreButNotInTheRecordIsRecordedBySweep() throws Exception {
        MediaAsset upload = joinedInTheStoreOnly();

        media.abandonUploadsIdleSince(Timestamps.now().plus(Duration.ofSeconds(1)));

        assertEquals(AssetState.PROCESSING, em.find(MediaAsset.class, upload.id()).state());
        assertEquals(upload.size(), store.describe(upload.objectKey()).orElseThrow().size());
    }

    private MediaAsset joinedInTheStoreOnly() throws Exception {
        MediaAsset upload = producer.startsAnUpload();
        for (int part = 1; part <= upload.partCount(); part++) {
            sendsPart(upload, part, new byte[(int) upload.expectedPartSize(part)]);
        }
        store.completeMultipartUpload(upload.objectKey(), upload.multipartUploadId(),
                store.storedParts(upload.objectKey(), upload.multipartUploadId()));
        return upload;
    }

    /** Sends the part the way a browser does, through a presigned URL. */
    private void sendsPart(MediaAsset upload, int number, byte[] bytes) throws Exception {
        HttpResponse<Void> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                store.temporaryPartUploadUrl(upload.objectKey(), upload.multipartUploadId(), number, Duration.ofMinutes(1)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, put.statusCode());
    }
}
