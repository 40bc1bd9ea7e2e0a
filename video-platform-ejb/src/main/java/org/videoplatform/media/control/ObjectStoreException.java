package org.videoplatform.media.control;

/** Object storage failed or could not be reached; the cause carries the store's own error. */
public class ObjectStoreException extends RuntimeException {

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
