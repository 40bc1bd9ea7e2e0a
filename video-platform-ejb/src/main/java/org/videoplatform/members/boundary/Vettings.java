package org.videoplatform.members.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.members.boundary.VettingCheck.Match;
import org.videoplatform.members.boundary.VettingCheck.MatchedBy;
import org.videoplatform.members.control.AccountOpenedInTransaction;
import org.videoplatform.members.control.InvitationAfterCommit;
import org.videoplatform.members.control.KeycloakAccounts;
import org.videoplatform.members.control.KeycloakAccounts.ProducerAccount;
import org.videoplatform.members.control.NameMatching;
import org.videoplatform.members.control.VettingWarnings;
import org.videoplatform.members.entity.AttendanceState;
import org.videoplatform.members.entity.Attendee;
import org.videoplatform.members.entity.Member;
import org.videoplatform.members.entity.MemberState;
import org.videoplatform.members.entity.RosterEntry;
import org.videoplatform.members.entity.Vetting;
import org.videoplatform.members.entity.VettingOutcome;

/**
 * Checking attendees against the roster at the door, and the lead's decision. Vetting someone
 * opens their producer account in Keycloak; it can never grant any other role.
 */
@Stateless
@RolesAllowed({"video-lead", "admin"})
public class Vettings {

    @PersistenceContext
    EntityManager em;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    AuditTrail audit;

    @Inject
    Event<CreditChanged> creditChanged;

    @Inject
    ShownNames shownNames;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Off locally, where no mail server runs: the lead hands over the temporary password instead. */
    @Inject
    @ConfigProperty(name = "vp.members.invitation-email", defaultValue = "false")
    boolean invitationEmail;

    /**
     * @param member the member the decision made or re-opened, if it vetted them
     * @param temporaryPassword the one-time password to hand over, if it opened or re-opened their account; none
     *        for an active member vetted again, who keeps the account and password they have
     * @param invitationToFollow whether Keycloak will also email them a link to set their password, once the decision commits
     */
    public record Decision(Vetting vetting, Member member, String username, String temporaryPassword, boolean invitationToFollow) {
    }

    /** @param postcode the postcode the attendee gave at the door, if the lead asked for it */
    public Optional<VettingCheck> check(UUID workshopId, UUID attendeeId, String postcode) {
        return attendee(workshopId, attendeeId, LockModeType.NONE).map(attendee -> check(attendee, postcode));
    }

    /**
     * Records the lead's decision on a checked-in attendee. Vetting opens or re-opens the person's
     * account: a second vetting of the same email re-opens the same account, never a second one.
     */
    public Optional<Decision> decide(UUID workshopId, UUID attendeeId, VettingOutcome outcome, String reason,
                                     UUID rosterEntryId, Actor lead) {
        // Locked: a second tap on the same decision waits here, then reads that the attendee was vetted.
        Optional<Attendee> found = attendee(workshopId, attendeeId, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Attendee attendee = found.get();
        if (attendee.erased()) {
            throw new VettingRefused("This attendee's details were erased: there is nobody left to vet.");
        }
        if (attendee.state() != AttendanceState.CHECKED_IN) {
            throw new VettingRefused("Check " + attendee.fullName() + " in before deciding: they are "
                    + attendee.state().name().toLowerCase().replace('_', ' ') + ".");
        }
        RosterEntry rosterEntry = rosterEntryId == null ? null : em.find(RosterEntry.class, rosterEntryId);
        if (rosterEntryId != null && rosterEntry == null) {
            throw new VettingRefused("There is no roster entry " + rosterEntryId + ".");
        }
        // A vetting opened an account; a later decline or follow-up beside it would read as closed while it is open.
        if (em.createNamedQuery(Vetting.OF_ATTENDEE, Vetting.class)
                .setParameter("attendee", attendee).getResultStream().anyMatch(v -> v.outcome() == VettingOutcome.VETTED)) {
            throw new VettingRefused(attendee.fullName() + " has already been vetted at this workshop"
                    + (outcome == VettingOutcome.VETTED ? "." : ": to close their account, revoke their access on the members page."));
        }
        Vetting vetting = new Vetting(attendee, outcome, reason, rosterEntryId, lead.id());
        em.persist(vetting);
        audit.record(new AuditEntry(lead, "member." + outcome.name().toLowerCase().replace('_', '-'), "attendee",
                attendee.id().toString(), reason));
        if (outcome != VettingOutcome.VETTED) {
            return Optional.of(new Decision(vetting, null, null, null, false));
        }
        // Two leads vetting one person at two workshops at once would both find no member and both add one.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('member|' || lower(?1)))")
                .setParameter(1, attendee.email()).getResultList();
        Optional<Member> known = memberByEmail(attendee.email());
        // An active member's account is open and stays as it is, password and all.
        boolean accountAlreadyOpen = known.map(existing -> existing.state() == MemberState.ACTIVE && existing.keycloakUserId() != null)
                .orElse(false);
        Member member = known.map(existing -> {
            if (existing.state() == MemberState.SUSPENDED) {
                throw new VettingRefused(existing.fullName() + " is suspended: reinstate them on the members page, with a reason.");
            }
            String shownBefore = existing.displayName();
            existing.vettedAgain(attendee.fullName(), rosterEntryId);
            shownNames.numberIfTaken(existing);
            if (existing.keycloakUserId() != null && !existing.displayName().equals(shownBefore)) {
                creditChanged.fire(new CreditChanged(existing.keycloakUserId(), existing.displayName()));
            }
            return existing;
        }).orElseGet(() -> {
            Member created = new Member(attendee.email(), attendee.fullName(), rosterEntryId);
            shownNames.numberIfTaken(created);
            em.persist(created);
            return created;
        });
        if (accountAlreadyOpen) {
            return Optional.of(new Decision(vetting, member, member.email(), null, false));
        }
        // Keycloak wants a first and a last name; a single name fills both.
        String[] names = attendee.fullName().strip().split("\\s+", 2);
        // Constraint violations surface here, before Keycloak is touched, not at commit after it.
        em.flush();
        ProducerAccount account = accounts.openProducerAccount(member.email(), names[0], names.length > 1 ? names[1] : names[0],
                member.keycloakUserId());
        // Past an open account, what Keycloak did here is a new account or a revoked member's closed one opened again.
        transaction.registerInterposedSynchronization(new AccountOpenedInTransaction(accounts, account.userId(), account.created()));
        member.linkAccount(account.userId());
        audit.record(new AuditEntry(lead, account.created() ? "account.opened" : "account.reopened", "member",
                member.id().toString(), "producer role, temporary password"));
        if (invitationEmail) {
            transaction.registerInterposedSynchronization(new InvitationAfterCommit(accounts, account.userId()));
        }
        return Optional.of(new Decision(vetting, member, member.email(), account.temporaryPassword(), invitationEmail));
    }

    private VettingCheck check(Attendee attendee, String postcode) {
        Map<UUID, Match> matches = new LinkedHashMap<>();
        if (attendee.membershipNumber() != null) {
            rosterWhere("SELECT r FROM RosterEntry r WHERE r.membershipNumber = :value", attendee.membershipNumber())
                    .forEach(entry -> matches.putIfAbsent(entry.id(), new Match(entry, MatchedBy.MEMBERSHIP_NUMBER)));
        }
        rosterWhere("SELECT r FROM RosterEntry r WHERE LOWER(r.email) = :value", attendee.email())
                .forEach(entry -> matches.putIfAbsent(entry.id(), new Match(entry, MatchedBy.EMAIL)));
        for (String token : NameMatching.searchTokens(attendee.fullName())) {
            rosterNamesWith(token).stream()
                    .filter(entry -> NameMatching.sameName(attendee.fullName(), entry.fullName()))
                    .forEach(entry -> matches.putIfAbsent(entry.id(), new Match(entry,
                            NameMatching.samePostcode(postcode, entry.postcode())
                                    ? MatchedBy.NAME_AND_POSTCODE : MatchedBy.NAME)));
        }
        List<Match> found = new ArrayList<>(matches.values());
        // Someone declined or revoked may come back under another email: their roster entry still tells,
        // if found by more than a name, which namesakes share.
        Set<UUID> entries = matches.values().stream().filter(match -> match.matchedBy() != MatchedBy.NAME).map(match -> match.entry().id())
                .collect(Collectors.toSet());
        Set<Vetting> earlier = new LinkedHashSet<>(em.createNamedQuery(Vetting.BY_EMAIL, Vetting.class)
                .setParameter("email", attendee.email()).getResultList());
        List<Member> onTheirEntries = List.of();
        if (!entries.isEmpty()) {
            earlier.addAll(em.createNamedQuery(Vetting.ON_ROSTER_ENTRIES, Vetting.class).setParameter("entries", entries).getResultList());
            onTheirEntries = em.createNamedQuery(Member.ON_ROSTER_ENTRIES, Member.class).setParameter("entries", entries).getResultList();
        }
        List<Vetting> newestFirst = earlier.stream().sorted(Comparator.comparing(Vetting::decidedAt).reversed()).toList();
        return new VettingCheck(attendee, found, VettingWarnings.of(attendee, found, memberByEmail(attendee.email()), onTheirEntries,
                newestFirst), newestFirst);
    }

    /**
     * Entries whose name holds the token; a short token only as a whole word, as "li" is part of
     * too many names for the first 200 found to hold the one looked for.
     */
    @SuppressWarnings("unchecked")
    private List<RosterEntry> rosterNamesWith(String token) {
        if (token.length() < 3) {
            // The token is letters and digits only, folded: nothing in it is special to a pattern.
            return em.createNativeQuery("SELECT * FROM roster_entries WHERE search_fold(full_name) ~ ?1", RosterEntry.class)
                    .setParameter(1, "(^|[^[:alnum:]])" + token + "($|[^[:alnum:]])")
                    .setMaxResults(200)
                    .getResultList();
        }
        return em.createQuery("SELECT r FROM RosterEntry r WHERE FUNCTION('search_fold', r.fullName) LIKE FUNCTION('search_fold', :token)",
                        RosterEntry.class)
                .setParameter("token", "%" + token + "%")
                .setMaxResults(200)
                .getResultList();
    }

    private List<RosterEntry> rosterWhere(String query, String value) {
        return em.createQuery(query, RosterEntry.class).setParameter("value", value).setMaxResults(20).getResultList();
    }

    private Optional<Member> memberByEmail(String email) {
        return em.createNamedQuery(Member.BY_EMAIL, Member.class).setParameter("email", email).getResultStream().findFirst();
    }

    private Optional<Attendee> attendee(UUID workshopId, UUID attendeeId, LockModeType lock) {
        return Optional.ofNullable(em.find(Attendee.class, attendeeId, lock))
                .filter(attendee -> attendee.workshop().id().equals(workshopId));
    }
}
