package org.videoplatform.review.entity;

/** How a checklist item is satisfied. */
public enum ChecklistKind {
    /** By the production's digital imprint, complete with names and addresses. */
    IMPRINT,
    /** By a consent form on file, or a lead's confirmation that nobody in the cut can be identified. */
    CONSENT,
    /** By a caption file whose cues fit the cut in review. */
    CAPTIONS,
    /** By a lead's tick, after looking. */
    MANUAL;

    /** Whether a lead's tick can satisfy it. */
    public boolean tickable() {
        return this == CONSENT || this == MANUAL;
    }
}
