package org.videoplatform.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * The caller's role allows the action but their relation to the record does not, such as a lead
 * approving their own production. The API answers 403 with the message.
 */
@ApplicationException(rollback = true)
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
