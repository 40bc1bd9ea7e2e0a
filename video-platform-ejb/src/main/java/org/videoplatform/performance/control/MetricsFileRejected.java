package org.videoplatform.performance.control;

import jakarta.ejb.ApplicationException;
import org.videoplatform.platform.entity.InvalidInput;

/** A file that cannot be read as any of the layouts at all, as opposed to some of its lines. */
@ApplicationException(rollback = true)
public class MetricsFileRejected extends InvalidInput {

    public MetricsFileRejected(String message) {
        super(null, message);
    }
}
