package org.videoplatform.media;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.media.boundary.Media;
import org.videoplatform.media.control.StoredPart;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.pitches.entity.Production;

/** Starts uploads from inside the server with a producer's role, as the REST layer would for one. */
@Stateless
@RunAs("producer")
@PermitAll
public class UploadingProducer {

    private static final Actor PRODUCER = new Actor("in-container-producer", "In-container producer");

    @PersistenceContext
    EntityManager em;

    @Inject
    Media media;

    public MediaAsset startsAnUpload() {
        Production production = Production.direct("Abandoned upload test", PRODUCER.id(), PRODUCER.name());
        em.persist(production);
        return media.startUpload(production.id(), "cut.mp4", "video/mp4", 20_000_000, PRODUCER).orElseThrow();
    }

    public List<StoredPart> listsParts(UUID assetId) {
        return media.storedParts(assetId, PRODUCER).orElseThrow();
    }

    public MediaAsset completes(UUID assetId) {
        return media.completeUpload(assetId, PRODUCER).orElseThrow();
    }

    /** Asks for the first part's URL in a transaction of its own, as a browser's request would, whatever the caller has open. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void signsTheFirstPart(UUID assetId) {
        media.partUrls(assetId, 1, 1, PRODUCER).orElseThrow();
    }
}
