package org.videoplatform.media.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.videoplatform.media.control.WorkFolders;

/**
 * Makes sure no job stays stuck with a worker that is gone: at start, this node takes back what
 * its previous run held (after a crash or kill -9), and deletes its work files; every few seconds, any node takes back jobs
 * whose worker stopped heart-beating.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TranscodingWatchdog {

    private static final Logger LOG = Logger.getLogger(TranscodingWatchdog.class.getName());

    @Inject
    Transcoding jobs;

    @Inject
    WorkFolders workFolders;

    @PostConstruct
    void takeBackWhatThisNodeHeldBeforeItStopped() {
        workFolders.forgetEarlierRuns();
        int released = jobs.releaseHeldByEarlierRuns();
        if (released > 0) {
            LOG.info(() -> "Requeued " + released + " transcoding jobs this node was running when it stopped");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void takeBackStalledJobs() {
        jobs.releaseStalled();
    }
}
