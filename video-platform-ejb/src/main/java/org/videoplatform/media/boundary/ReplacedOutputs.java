package org.videoplatform.media.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.media.control.ObjectStoreException;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.media.entity.MediaOutput;
import org.videoplatform.platform.entity.Timestamps;

/**
 * Deletes what earlier transcoding runs of a cut stored, once the time set when a later run
 * published its outputs has passed: the replaced outputs, and whatever failed or cut-off attempts
 * left. Every node sweeps. The cut is locked while its files go, so a rerun asked for meanwhile
 * waits, and a cut being transcoded is left alone until its run ends.
 */
@Singleton
@DependsOn("SchemaMigrations") // its timer starts with the deployment, before a fresh database has its tables
@Lock(LockType.READ)
@PermitAll
public class ReplacedOutputs {

    private static final Logger LOG = Logger.getLogger(ReplacedOutputs.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ObjectStore store;

    @Resource
    SessionContext session;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        deleteDue(Timestamps.now());
    }

    /** @return how many cuts had files of earlier runs deleted */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int deleteDue(OffsetDateTime now) {
        List<UUID> due = em.createNamedQuery(MediaAsset.EARLIER_RUNS_DUE, UUID.class).setParameter("now", now).getResultList();
        ReplacedOutputs self = session.getBusinessObject(ReplacedOutputs.class);
        int cleared = 0;
        for (UUID assetId : due) {
            try {
                cleared += self.deleteEarlierRuns(assetId, now) ? 1 : 0;
            } catch (RuntimeException e) {
                // One cut the database would not lock or read does not hold up the others.
                LOG.log(Level.WARNING, "Could not sweep the earlier transcoding runs of " + assetId, e);
            }
        }
        return cleared;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deleteEarlierRuns(UUID assetId, OffsetDateTime now) {
        // Not FOR UPDATE: a rerun's lock waits for this one, but a comment or anything else pointing at the cut need not.
        if (em.createNativeQuery("SELECT id FROM media_assets WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, assetId)
                .getResultList().isEmpty()) {
            return false;
        }
        MediaAsset asset = em.find(MediaAsset.class, assetId);
        if (!asset.earlierRunsDueBy(now)) {
            return false;
        }
        String everyRun = asset.outputsPrefix();
        try {
            // Every published file of a cut comes from one attempt, which stored it in a folder of its own.
            em.createNamedQuery(MediaOutput.OF_ASSET, MediaOutput.class).setParameter("asset", asset).setMaxResults(1)
                    .getResultStream().findFirst()
                    .map(output -> output.objectKey().substring(0, output.objectKey().indexOf('/', everyRun.length()) + 1))
                    .ifPresent(published -> store.deleteAllBut(everyRun, published));
        } catch (ObjectStoreException e) {
            // The store may be briefly away; the next sweep tries again.
            LOG.log(Level.WARNING, "Could not delete the earlier transcoding runs of " + assetId, e);
            session.setRollbackOnly();
            return false;
        }
        em.createNamedQuery(MediaAsset.EARLIER_RUNS_GONE).setParameter(1, assetId).executeUpdate();
        return true;
    }
}
