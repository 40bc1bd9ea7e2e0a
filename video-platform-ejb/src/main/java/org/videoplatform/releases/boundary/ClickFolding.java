package org.videoplatform.releases.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.videoplatform.releases.control.ClickLog;

/**
 * Folds this node's closed click log segments into the database every few seconds, each in its
 * own transaction, and deletes a segment only once its clicks are committed. The singleton's lock
 * keeps two folds from running at once.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClickFolding {

    private static final Logger LOG = Logger.getLogger(ClickFolding.class.getName());

    @Inject
    Redirects redirects;

    @Inject
    SegmentFolds folds;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void foldClosedSegments() {
        foldAll();
    }

    /** @return how many segments were folded */
    public int foldAll() {
        int folded = 0;
        for (Path segment : ClickLog.closedSegments(redirects.directory())) {
            try {
                folds.fold(segment.getFileName().toString(), ClickLog.read(segment));
                Files.delete(segment);
                folded++;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not fold the click log segment " + segment + "; trying again at the next fold", e);
                break;
            }
        }
        return folded;
    }
}
