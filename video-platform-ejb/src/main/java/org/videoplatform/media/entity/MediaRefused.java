package org.videoplatform.media.entity;

import org.videoplatform.platform.entity.Conflict;

/** A request a file's or a job's state does not allow, such as completing an aborted upload or cancelling a finished job. */
public class MediaRefused extends Conflict {

    public MediaRefused(String message) {
        super(message);
    }
}
