package org.videoplatform.members.boundary;

import java.util.List;
import org.videoplatform.members.entity.Attendee;
import org.videoplatform.members.entity.RosterEntry;
import org.videoplatform.members.entity.Vetting;

/**
 * What the lead sees before deciding: the roster entries that match the attendee, how each was
 * found, everything that should make them look twice, and earlier decisions about the person.
 */
public record VettingCheck(Attendee attendee, List<Match> matches, List<Warning> warnings, List<Vetting> earlierDecisions) {

    public enum MatchedBy {
        MEMBERSHIP_NUMBER,
        EMAIL,
        NAME_AND_POSTCODE,
        NAME
    }

    public record Match(RosterEntry entry, MatchedBy matchedBy) {
    }

    public enum WarningKind {
        NOT_ON_ROSTER,
        NOT_IN_GOOD_STANDING,
        SEVERAL_ROSTER_MATCHES,
        EMAIL_USED_BY_ANOTHER_MEMBER,
        PREVIOUSLY_DECLINED,
        PREVIOUSLY_REVOKED,
        /** Vetting them would open a second account for someone who has one under another email. */
        ALREADY_A_MEMBER
    }

    public record Warning(WarningKind kind, String message) {
    }
}
