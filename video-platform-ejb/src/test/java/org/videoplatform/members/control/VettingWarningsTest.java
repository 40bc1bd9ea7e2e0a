package org.videoplatform.members.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.videoplatform.members.boundary.VettingCheck.Match;
import org.videoplatform.members.boundary.VettingCheck.MatchedBy;
import org.videoplatform.members.boundary.VettingCheck.Warning;
import org.videoplatform.members.boundary.VettingCheck.WarningKind;
import org.videoplatform.members.entity.AttendanceState;
import org.videoplatform.members.entity.Attendee;
import org.videoplatform.members.entity.Member;
import org.videoplatform.members.entity.RosterEntry;
import org.videoplatform.members.entity.RosterStatus;
import org.videoplatform.members.entity.Vetting;
import org.videoplatform.members.entity.VettingOutcome;
import org.videoplatform.members.entity.Workshop;

class VettingWarningsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-05T10:00:00Z");
    private final Workshop workshop = new Workshop("Door", NOW, NOW.plusHours(3), "Hall", "Leeds", 10, List.of(), "kc-lead");
    private final Attendee amira = new Attendee(workshop, "Amira Khan", "amira@example.org", null, null, AttendanceState.REGISTERED);

    private static Match match(String number, RosterStatus status) {
        return new Match(new RosterEntry(number, "Amira Khan", null, null, status, NOW), MatchedBy.NAME);
    }

    private List<WarningKind> kinds(List<Match> matches, Optional<Member> member, List<Vetting> earlier) {
        return VettingWarnings.of(amira, matches, member, List.of(), earlier).stream().map(Warning::kind).toList();
    }

    @Test
    void oneActiveMatchAndNothingElseNeedsNoSecondLook() {
        assertEquals(List.of(), kinds(List.of(match("A1", RosterStatus.ACTIVE)), Optional.empty(), List.of()));
    }

    @Test
    void nobodyOnTheRosterIsFlagged() {
        assertEquals(List.of(WarningKind.NOT_ON_ROSTER), kinds(List.of(), Optional.empty(), List.of()));
    }

    @Test
    void severalCandidatesAreFlaggedAndEachLapsedOneNamed() {
        List<Warning> warnings = VettingWarnings.of(amira,
                List.of(match("A1", RosterStatus.ACTIVE), match("A2", RosterStatus.LAPSED)), Optional.empty(), List.of(), List.of());

        assertEquals(List.of(WarningKind.SEVERAL_ROSTER_MATCHES, WarningKind.NOT_IN_GOOD_STANDING),
                warnings.stream().map(Warning::kind).toList());
        assertTrue(warnings.get(1).message().contains("A2 is lapsed"), warnings.get(1).message());
    }

    @Test
    void emailHeldBySomeoneElseIsFlagged() {
        Member ben = new Member("amira@example.org", "Ben Briain", null);

        assertEquals(List.of(WarningKind.EMAIL_USED_BY_ANOTHER_MEMBER),
                kinds(List.of(match("A1", RosterStatus.ACTIVE)), Optional.of(ben), List.of()));
    }

    @Test
    void aRevokedAccountUnderSomeoneElsesNameIsFlaggedAsBoth() {
        Member ben = new Member("amira@example.org", "Ben Briain", null);
        ben.revoke();

        assertEquals(List.of(WarningKind.PREVIOUSLY_REVOKED, WarningKind.EMAIL_USED_BY_ANOTHER_MEMBER),
                kinds(List.of(match("A1", RosterStatus.ACTIVE)), Optional.of(ben), List.of()));
    }

    @Test
    void theSamePersonVettedBeforeIsNoWarning() {
        Member earlierAmira = new Member("amira@example.org", "A. Khan", null);

        assertEquals(List.of(), kinds(List.of(match("A1", RosterStatus.ACTIVE)), Optional.of(earlierAmira), List.of()));
    }

    @Test
    void revokedAndDeclinedPastsAreFlagged() {
        Member revoked = new Member("amira@example.org", "Amira Khan", null);
        revoked.revoke();
        Vetting declined = new Vetting(amira, VettingOutcome.DECLINED, "unknown to the branch", null, "kc-lead");

        assertEquals(List.of(WarningKind.PREVIOUSLY_REVOKED, WarningKind.PREVIOUSLY_DECLINED),
                kinds(List.of(match("A1", RosterStatus.ACTIVE)), Optional.of(revoked), List.of(declined)));
    }

    @Test
    void membersOnTheSameRosterEntryUnderAnotherEmailAreFlagged() {
        Match entry = new Match(new RosterEntry("A1", "Amira Khan", null, "LS1 4DY", RosterStatus.ACTIVE, NOW), MatchedBy.NAME_AND_POSTCODE);
        Member revoked = new Member("khan.a@example.net", "Amira Khan", entry.entry().id());
        revoked.revoke();
        Member active = new Member("amira.khan@example.net", "Amira Khan", entry.entry().id());

        List<Warning> warnings = VettingWarnings.of(amira, List.of(entry), Optional.empty(), List.of(revoked, active), List.of());

        assertEquals(List.of(WarningKind.PREVIOUSLY_REVOKED, WarningKind.ALREADY_A_MEMBER), warnings.stream().map(Warning::kind).toList());
        assertTrue(warnings.get(0).message().contains("khan.a@example.net"), warnings.get(0).message());
        assertTrue(warnings.get(1).message().contains("opens a second account"), warnings.get(1).message());
    }
}
