package org.videoplatform.members.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.members.entity.AttendanceState;
import org.videoplatform.members.entity.Attendee;
import org.videoplatform.members.entity.Member;
import org.videoplatform.members.entity.RosterEntry;
import org.videoplatform.members.entity.Vetting;
import org.videoplatform.members.entity.Workshop;
import org.videoplatform.platform.entity.Timestamps;

/**
 * A member's rights over the data held about them, which reveals their political opinions: an
 * admin can hand them all of it, or erase them. Erasure removes every personal field, deletes
 * their account, their roster entry and the notifications addressed to them, gives up the places
 * they hold at workshops to come, and keeps the audit trail whole with the person replaced by a
 * pseudonym.
 */
@Stateless
@RolesAllowed("admin")
public class PersonalData {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    AccountsInStep accountsInStep;

    @Inject
    Workshops workshops;

    @Resource
    SessionContext session;

    @Inject
    Event<CreditChanged> creditChanged;

    @Inject
    Event<AccountErased> accountErased;

    /** Everything held about one member, as it is stored. */
    public record MemberRecord(Member member, RosterEntry rosterEntry, List<Attendee> attendances, List<Vetting> vettings,
                               List<AuditEntry> auditEntries) {
    }

    public Optional<MemberRecord> export(UUID memberId) {
        Member member = em.find(Member.class, memberId);
        if (member == null) {
            return Optional.empty();
        }
        List<Attendee> attendances = byEmail(Attendee.BY_EMAIL, Attendee.class, member.email());
        List<String> subjects = new ArrayList<>();
        subjects.add(member.id().toString());
        attendances.forEach(attendee -> subjects.add(attendee.id().toString()));
        RosterEntry rosterEntry = member.rosterEntryId() == null ? null : em.find(RosterEntry.class, member.rosterEntryId());
        return Optional.of(new MemberRecord(member, rosterEntry, attendances,
                byEmail(Vetting.BY_EMAIL, Vetting.class, member.email()),
                audit.concerning(member.keycloakUserId(), subjects)));
    }

    /**
     * Commits the erasure before Keycloak is told to delete the account: the locks it takes (the
     * member, their workshops, all that carries their name) are not held while Keycloak is slow,
     * and an account Keycloak has deleted never belongs to an erasure that then failed to commit.
     * Deleted now, or by the sweep once Keycloak answers.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Member> erase(UUID memberId, String reason, Actor admin) {
        return session.getBusinessObject(PersonalData.class).recordErasure(memberId, reason, admin)
                .map(accountsInStep::followedByKeycloak);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Member> recordErasure(UUID memberId, String reason, Actor admin) {
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            return Optional.empty();
        }
        String marker = Member.erasedMarker(member.id());
        String account = member.keycloakUserId();
        UUID rosterEntryId = member.rosterEntryId();
        List<Attendee> attendances = byEmail(Attendee.BY_EMAIL, Attendee.class, member.email());
        giveUpPlacesToCome(attendances);
        attendances.forEach(attendee -> attendee.erase(marker));
        byEmail(Vetting.BY_EMAIL, Vetting.class, member.email()).forEach(vetting -> vetting.erase(marker));
        member.erase();
        if (rosterEntryId != null) {
            em.flush();
            // Other attendees' checks may have matched the same entry.
            for (String table : new String[] {"vettings", "members"}) {
                em.createNativeQuery("UPDATE " + table + " SET roster_entry_id = NULL WHERE roster_entry_id = CAST(?1 AS uuid)")
                        .setParameter(1, rosterEntryId.toString())
                        .executeUpdate();
            }
            Optional.ofNullable(em.find(RosterEntry.class, rosterEntryId)).ifPresent(em::remove);
        }
        if (account != null) {
            audit.pseudonymise(account, "erased-" + member.id());
            creditChanged.fire(new CreditChanged(account, member.displayName()));
            accountErased.fire(new AccountErased(account));
            member.accountInStep(false);
        }
        audit.record(new AuditEntry(admin, "member.erased", "member", member.id().toString(), reason));
        return Optional.of(member);
    }

    /**
     * A place held, or waited for, at a workshop still to come goes to the next person waiting, as
     * a cancellation's does. Each workshop is locked, in one order, before its registration is read
     * again: a lead checking in or cancelling meanwhile has gone first, or waits.
     */
    private void giveUpPlacesToCome(List<Attendee> attendances) {
        attendances.stream()
                .filter(attendee -> attendee.workshop().endsAt().isAfter(Timestamps.now()))
                .sorted(Comparator.comparing(attendee -> attendee.workshop().id()))
                .forEach(attendee -> {
                    em.find(Workshop.class, attendee.workshop().id(), LockModeType.PESSIMISTIC_WRITE);
                    em.refresh(attendee);
                    if (attendee.state() == AttendanceState.REGISTERED || attendee.state() == AttendanceState.WAITLISTED) {
                        workshops.cancel(attendee.workshop().id(), attendee.id());
                    }
                });
    }

    /**
     * Erases someone who came to a workshop and is no member: never vetted, declined, or left to
     * follow up. Every registration and vetting decision under their email loses what identifies
     * them; the decisions stay, as a member's do. A member is erased as a member, which covers these.
     */
    public Optional<Attendee> eraseAttendee(UUID workshopId, UUID attendeeId, String reason, Actor admin) {
        Attendee attendee = em.find(Attendee.class, attendeeId);
        if (attendee == null || !attendee.workshop().id().equals(workshopId)) {
            return Optional.empty();
        }
        String email = attendee.email();
        // Locked as a vetting locks them, all in one order: one under way either made a member first, or waits and finds
        // nobody to vet; another erasure of the same person, from any workshop's list, waits and finds them erased.
        List<Attendee> registrations = em.createNamedQuery(Attendee.BY_EMAIL, Attendee.class).setParameter("email", email)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        em.refresh(attendee);
        if (attendee.erased()) {
            return Optional.of(attendee);
        }
        if (!byEmail(Member.BY_EMAIL, Member.class, email).isEmpty()) {
            throw new ErasureRefused(attendee.fullName() + " is a vetted member: erase them on the members page, which erases their"
                    + " workshop records too");
        }
        for (Attendee registration : registrations) {
            if (registration.state() == AttendanceState.REGISTERED || registration.state() == AttendanceState.WAITLISTED) {
                throw new ErasureRefused(attendee.fullName() + " is still " + registration.state().name().toLowerCase(Locale.ROOT)
                        + " for " + registration.workshop().title() + ": cancel that first, so the place goes to someone waiting");
            }
        }
        String marker = Member.erasedMarker(attendee.id());
        registrations.forEach(registration -> registration.erase(marker));
        byEmail(Vetting.BY_EMAIL, Vetting.class, email).forEach(vetting -> vetting.erase(marker));
        audit.record(new AuditEntry(admin, "attendee.erased", "attendee", attendee.id().toString(), reason));
        return Optional.of(attendee);
    }

    private <T> List<T> byEmail(String query, Class<T> type, String email) {
        return em.createNamedQuery(query, type).setParameter("email", email).getResultList();
    }
}
