package org.videoplatform.members.entity;

import org.videoplatform.platform.entity.Conflict;

/**
 * Someone registered twice for one workshop, by a second tap at the door or a second lead: each
 * registration would hold a place, and the next person would be waitlisted for a place nobody takes.
 */
public class AlreadyRegistered extends Conflict {

    public AlreadyRegistered(Attendee registered) {
        super(registered.fullName() + " is already registered with this email, and is "
                + registered.state().name().toLowerCase().replace('_', ' ') + "; cancel that registration first to register them again");
    }
}
