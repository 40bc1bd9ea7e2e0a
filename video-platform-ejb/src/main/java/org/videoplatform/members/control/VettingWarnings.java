package org.videoplatform.members.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoplatform.members.boundary.VettingCheck.Match;
import org.videoplatform.members.boundary.VettingCheck.Warning;
import org.videoplatform.members.boundary.VettingCheck.WarningKind;
import org.videoplatform.members.entity.Attendee;
import org.videoplatform.members.entity.Member;
import org.videoplatform.members.entity.MemberState;
import org.videoplatform.members.entity.Vetting;
import org.videoplatform.members.entity.VettingOutcome;

/** Everything about an attendee that should make the lead look twice before vetting them. */
public final class VettingWarnings {

    private VettingWarnings() {
    }

    /**
     * @param memberWithEmail the member already holding the attendee's email, if any
     * @param onTheirEntries members vetted on the roster entries found by number, email or postcode, under any email
     * @param earlier earlier decisions about the same email or those roster entries, newest first
     */
    public static List<Warning> of(Attendee attendee, List<Match> matches, Optional<Member> memberWithEmail, List<Member> onTheirEntries,
                                   List<Vetting> earlier) {
        List<Warning> warnings = new ArrayList<>();
        if (matches.isEmpty()) {
            warnings.add(new Warning(WarningKind.NOT_ON_ROSTER, "Not found on the membership roster."));
        }
        if (matches.size() > 1) {
            warnings.add(new Warning(WarningKind.SEVERAL_ROSTER_MATCHES,
                    matches.size() + " roster entries match: make sure which one this person is."));
        }
        matches.stream().map(Match::entry).filter(entry -> !entry.status().inGoodStanding()).forEach(entry ->
                warnings.add(new Warning(WarningKind.NOT_IN_GOOD_STANDING,
                        "Roster entry " + entry.membershipNumber() + " is " + entry.status().label() + ".")));
        memberWithEmail.ifPresent(member -> {
            if (member.state() != MemberState.ACTIVE) {
                warnings.add(new Warning(WarningKind.PREVIOUSLY_REVOKED,
                        "This email's account was " + member.state().name().toLowerCase() + "."));
            }
            // Vetting re-opens the account the email holds: someone else's, revoked or not.
            if (!NameMatching.sameName(member.fullName(), attendee.fullName())) {
                warnings.add(new Warning(WarningKind.EMAIL_USED_BY_ANOTHER_MEMBER,
                        "This email already belongs to the member " + member.fullName() + "."));
            }
        });
        onTheirEntries.stream().filter(member -> !member.email().equalsIgnoreCase(attendee.email())).forEach(member -> warnings.add(
                member.state() == MemberState.ACTIVE
                        ? new Warning(WarningKind.ALREADY_A_MEMBER, "Their roster entry is already a member's, " + member.fullName() + " <"
                                + member.email() + ">: vetting them under this email opens a second account.")
                        : new Warning(WarningKind.PREVIOUSLY_REVOKED, "The member vetted on their roster entry, " + member.fullName() + " <"
                                + member.email() + ">, was " + member.state().name().toLowerCase() + ".")));
        earlier.stream().filter(v -> v.outcome() == VettingOutcome.DECLINED).findFirst().ifPresent(v ->
                warnings.add(new Warning(WarningKind.PREVIOUSLY_DECLINED,
                        "Declined on " + v.decidedAt().toLocalDate() + ": " + v.reason())));
        return warnings;
    }
}
