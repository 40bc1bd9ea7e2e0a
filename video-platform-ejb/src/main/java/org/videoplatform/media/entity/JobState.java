package org.videoplatform.media.entity;

/** Where a transcoding job stands. */
public enum JobState {
    /** Waiting for a worker, first or after a failure it may recover from. */
    QUEUED,
    /** A worker on the named node holds it and heart-beats while it works. */
    RUNNING,
    SUCCEEDED,
    /** Gave up: bad input, or the attempts ran out. */
    FAILED,
    /** Stopped by a lead. */
    CANCELLED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
