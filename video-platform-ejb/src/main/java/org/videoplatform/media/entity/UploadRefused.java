package org.videoplatform.media.entity;

import org.videoplatform.platform.entity.Conflict;

/** A request an upload's state does not allow, such as completing one that was aborted. */
public class UploadRefused extends Conflict {

    public UploadRefused(String message) {
        super(message);
    }
}
