package org.videoplatform.pitches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.pitches.boundary.Pitches;
import org.videoplatform.pitches.boundary.UnconfirmedAttachments;
import org.videoplatform.pitches.entity.Attachment;
import org.videoplatform.platform.entity.Timestamps;

/** An attachment announced and uploaded but never confirmed goes, with its file; a confirmed one stays. */
@ExtendWith(ArquillianExtension.class)
class UnconfirmedAttachmentsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(UnconfirmedAttachmentsIT.class.getPackage());
    }

    @Inject
    AttachingProducer producer;

    @Inject
    UnconfirmedAttachments unconfirmed;

    @Inject
    ObjectStore store;

    @PersistenceContext
    EntityManager em;

    @Test
    void anAttachmentNeverConfirmedIsRemovedWithItsFile() throws Exception {
        UUID pitch = producer.draftsAPitch();
        Pitches.AttachmentUpload left = producer.announces(pitch, 5);
        put(left, "left!");
        Pitches.AttachmentUpload kept = producer.announces(pitch, 4);
        put(kept, "kept");
        producer.confirms(pitch, kept.attachment().id());
        String leftUploadKey = em.find(Attachment.class, left.attachment().id()).uploadKey();
        assertTrue(store.describe(leftUploadKey).isPresent());

        unconfirmed.forgetAnnouncedBefore(Timestamps.now().minus(Duration.ofHours(1)));
        assertNotNull(em.find(Attachment.class, left.attachment().id()), "not yet: its link may still be used");
        assertTrue(unconfirmed.forgetAnnouncedBefore(Timestamps.now().plus(Duration.ofSeconds(1))) >= 1);

        em.clear();
        assertNull(em.find(Attachment.class, left.attachment().id()));
        assertEquals(Optional.empty(), store.describe(leftUploadKey), "what the link put is gone");
        Attachment stored = em.find(Attachment.class, kept.attachment().id());
        assertNotNull(stored);
        assertTrue(store.describe(stored.objectKey()).isPresent(), "a confirmed attachment keeps its file");
    }

    private static void put(Pitches.AttachmentUpload upload, String body) throws Exception {
        HttpResponse<Void> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(upload.uploadUrl())
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, put.statusCode());
    }
}
