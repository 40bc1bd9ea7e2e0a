package org.videoplatform.review.entity;

import org.videoplatform.platform.entity.Conflict;

/** Approval or release asked for while a required checklist item is open: a 409 that lists what is missing. */
public class ChecklistIncomplete extends Conflict {

    /** @param step what waits on the checklist, as "Approval" */
    public ChecklistIncomplete(String step, String openItems) {
        super(step + " needs every required checklist item; still open: " + openItems);
    }
}
