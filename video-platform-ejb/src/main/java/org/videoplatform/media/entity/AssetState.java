package org.videoplatform.media.entity;

/** Where an uploaded file stands, from the first part to playable outputs. */
public enum AssetState {
    /** Parts are arriving in the store; the upload can be resumed or aborted. */
    UPLOADING,
    /** Given up by the producer or swept as abandoned; the stored parts are gone. */
    ABORTED,
    /** Complete in the store; being checked and transcoded. */
    PROCESSING,
    /** Not a playable video; the reason says why and the original stays. */
    REJECTED,
    /** Every output is published. */
    READY,
    /** Transcoding gave up after its retries; a lead can run it again. */
    FAILED
}
