package org.videoplatform.pitches.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.pitches.entity.Attachment;
import org.videoplatform.platform.entity.Timestamps;

/**
 * Attachments a producer announced and never confirmed: the upload was dropped, the tab closed,
 * or the file arrived with another size. Once their upload link has long expired, the row goes,
 * and so does whatever the link put in the store, which nobody would otherwise ever see or remove.
 */
@Stateless
@PermitAll
public class UnconfirmedAttachments {

    private static final Logger LOG = Logger.getLogger(UnconfirmedAttachments.class.getName());
    /** The upload link's life, and room for a confirmation sent just before it ended. */
    private static final Duration KEPT_FOR = Pitches.UPLOAD_WINDOW.plusMinutes(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    ObjectStore store;

    @Resource
    SessionContext session;

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        int forgotten = forgetAnnouncedBefore(Timestamps.now().minus(KEPT_FOR));
        if (forgotten > 0) {
            LOG.info(() -> "Removed " + forgotten + " pitch attachments never confirmed");
        }
    }

    /** @return how many attachments were removed, each in a transaction of its own */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int forgetAnnouncedBefore(OffsetDateTime before) {
        List<UUID> unconfirmed = em.createNamedQuery(Attachment.UNCONFIRMED_BEFORE, UUID.class).setParameter("before", before).getResultList();
        UnconfirmedAttachments self = session.getBusinessObject(UnconfirmedAttachments.class);
        int forgotten = 0;
        for (UUID id : unconfirmed) {
            try {
                forgotten += self.forgetIfUnconfirmed(id) ? 1 : 0;
            } catch (RuntimeException e) {
                // The store may be briefly away; the next sweep tries again.
                LOG.log(Level.WARNING, "Could not remove unconfirmed attachment " + id, e);
            }
        }
        return forgotten;
    }

    /** Locked, as a confirmation locks it: one arriving now either stored it first or finds it gone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean forgetIfUnconfirmed(UUID attachmentId) {
        Attachment attachment = em.find(Attachment.class, attachmentId, LockModeType.PESSIMISTIC_WRITE);
        if (attachment == null || attachment.stored()) {
            return false;
        }
        store.delete(attachment.uploadKey());
        // A confirmation that copied the file and then rolled back left it there.
        store.delete(attachment.objectKey());
        em.remove(attachment);
        return true;
    }
}
