package org.videoplatform.members.entity;

/** What the lead decided about an attendee after checking them against the roster. */
public enum VettingOutcome {
    VETTED,
    DECLINED,
    /** Not decided on the day: the lead will find out more first. */
    FOLLOW_UP;

    /** A refusal must say why: the person may ask, and the next lead will see it. */
    public boolean requiresReason() {
        return this == DECLINED;
    }
}
