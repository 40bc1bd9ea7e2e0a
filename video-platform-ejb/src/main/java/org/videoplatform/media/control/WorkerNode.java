package org.videoplatform.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * This server as a holder of transcoding jobs: the WildFly node name, plus an id for this start of
 * it, so a node that restarts knows the jobs it held before were cut off.
 */
@ApplicationScoped
public class WorkerNode {

    private final String name = System.getProperty("jboss.node.name", "node");
    private final String run = name + "/" + UUID.randomUUID();

    public String name() {
        return name;
    }

    /** Unique to this start of the node. */
    public String run() {
        return run;
    }
}
