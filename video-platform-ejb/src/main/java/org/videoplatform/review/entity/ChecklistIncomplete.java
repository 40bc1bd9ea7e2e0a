package org.videoplatform.review.entity;

import org.videoplatform.platform.entity.Conflict;

/** Approval asked for while a required checklist item is open: a 409 that lists what is missing. */
public class ChecklistIncomplete extends Conflict {

    public ChecklistIncomplete(String openItems) {
        super("Approval needs every required checklist item; still open: " + openItems);
    }
}
