package org.videoplatform.members.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
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
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.members.control.KeycloakAccounts;
import org.videoplatform.members.control.LikePatterns;
import org.videoplatform.members.entity.Member;
import org.videoplatform.members.entity.MemberState;
import org.videoplatform.members.entity.Skill;
import org.videoplatform.platform.entity.InvalidInput;

/**
 * Vetted members and their access. Suspending or revoking someone closes their Keycloak account
 * and ends its sessions; {@link #hasWithdrawnAccess(String)} makes the API refuse them at once,
 * before any token they still hold expires, and even while Keycloak does not answer.
 */
@Stateless
@RolesAllowed({"video-lead", "admin"})
public class Members {

    public static final int MAX_RESULTS = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    AccountsInStep accountsInStep;

    @Inject
    ShownNames shownNames;

    @Inject
    Event<CreditChanged> creditChanged;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext session;

    /** Members by name or email, optionally only those with a skill or in a region (as they wrote it). */
    @RolesAllowed({"video-lead", "admin"})
    public List<Member> search(String term, Skill skill, String region, int limit) {
        TypedQuery<Member> query = em.createNamedQuery(skill == null ? Member.SEARCH : Member.SEARCH_WITH_SKILL, Member.class)
                .setParameter("term", LikePatterns.containing(term))
                .setParameter("region", regionPattern(region));
        if (skill != null) {
            query.setParameter("skill", skill);
        }
        return query.setMaxResults(Math.max(1, Math.min(limit, MAX_RESULTS))).getResultList();
    }

    /**
     * Active members with a skill, optionally in a region, for producers and leads looking for
     * crew. Callers get display names, regions and skills: nothing that identifies a person further.
     */
    @RolesAllowed({"producer", "video-lead", "admin"})
    public List<Member> crew(Skill skill, String region, int limit) {
        // Only those with access are counted towards the limit: members withdrawn keep their skills.
        return em.createNamedQuery(Member.CREW, Member.class)
                .setParameter("active", MemberState.ACTIVE)
                .setParameter("skill", skill)
                .setParameter("region", regionPattern(region))
                .setMaxResults(Math.max(1, Math.min(limit, MAX_RESULTS)))
                .getResultList();
    }

    /** What Member.IN_REGION takes: '' for any region. */
    private static String regionPattern(String region) {
        return region == null || region.isBlank() ? "" : LikePatterns.containing(region);
    }

    /** The region each of these accounts' members gave, for boards that filter by region. */
    @RolesAllowed({"video-lead", "admin"})
    public Map<String, String> regionsOf(Collection<String> keycloakUserIds) {
        if (keycloakUserIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> regions = new HashMap<>();
        em.createQuery("SELECT m FROM Member m WHERE m.keycloakUserId IN :accounts AND m.region IS NOT NULL", Member.class)
                .setParameter("accounts", List.copyOf(keycloakUserIds))
                .getResultStream()
                .forEach(m -> regions.put(m.keycloakUserId(), m.region()));
        return regions;
    }

    /** An active member who can be invited onto a crew. */
    @RolesAllowed({"producer", "video-lead", "admin"})
    public Optional<Member> activeMember(UUID memberId) {
        return Optional.ofNullable(em.find(Member.class, memberId)).filter(Member::hasAccess).filter(m -> m.keycloakUserId() != null);
    }

    /** The caller's own member record, found by the account behind their token. */
    @RolesAllowed("producer")
    public Optional<Member> mine(String keycloakUserId) {
        return byAccount(keycloakUserId);
    }

    @RolesAllowed("producer")
    public Optional<Member> describeMine(String keycloakUserId, String displayName, String region, Set<Skill> skills,
                                         String availability, List<String> portfolioLinks) {
        return byAccount(keycloakUserId).map(member -> {
            String shownBefore = member.displayName();
            if (displayName != null && !displayName.isBlank() && !displayName.strip().equals(shownBefore)) {
                if (Member.mixesAlphabetsInOneWord(displayName)) {
                    throw new InvalidInput("displayName", "mixes letters of different alphabets in one word, which makes a name look like"
                            + " another's: write each word in one alphabet");
                }
                requireNotAStaffName(displayName, keycloakUserId);
            }
            member.describe(displayName, region, skills, availability, portfolioLinks);
            if (!member.choseDisplayName()) {
                // A cleared name falls back to the first name and initial, numbered where another member goes by them.
                shownNames.numberIfTaken(member);
            } else if (!member.displayName().equals(shownBefore) && shownNames.takenByAnother(member)) {
                throw new InvalidInput("displayName", "is already the name another member goes by: choose one they will not be taken for");
            }
            if (!member.displayName().equals(shownBefore)) {
                creditChanged.fire(new CreditChanged(keycloakUserId, member.displayName()));
            }
            return member;
        });
    }

    /**
     * What a member writes goes out under the name they choose: in comments, in the notifications
     * of those they mention. Under a lead's name it would read as the lead's word.
     */
    private void requireNotAStaffName(String displayName, String keycloakUserId) {
        if (accounts.staffAccountNamed(displayName).filter(staff -> !staff.equals(keycloakUserId)).isPresent()) {
            throw new InvalidInput("displayName", "is the name of one of the campaign's leads or admins: choose a name of your own");
        }
    }

    /**
     * The name a member is credited by in what they make; empty for accounts that are not members'
     * (leads and admins set up in Keycloak), who are credited by their account's name.
     */
    @PermitAll
    public Optional<String> creditFor(String keycloakUserId) {
        return byAccount(keycloakUserId).map(Member::displayName);
    }

    private Optional<Member> byAccount(String keycloakUserId) {
        return em.createNamedQuery(Member.BY_ACCOUNT, Member.class)
                .setParameter("account", keycloakUserId)
                .getResultStream()
                .findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Member> suspend(UUID memberId, String reason, Actor by) {
        return change(memberId, Member::suspend, "member.suspended", reason, by);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Member> revoke(UUID memberId, String reason, Actor by) {
        return change(memberId, Member::revoke, "member.revoked", reason, by);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Member> reinstate(UUID memberId, String reason, Actor by) {
        return change(memberId, Member::reinstate, "member.reinstated", reason, by);
    }

    /**
     * Whether the account behind a token belongs to a member who has been suspended or revoked.
     * Open to every caller: the API asks it on every request.
     */
    @PermitAll
    public boolean hasWithdrawnAccess(String keycloakUserId) {
        return byAccount(keycloakUserId).map(member -> !member.hasAccess()).orElse(false);
    }

    /**
     * Commits the new state before Keycloak is told: the API refuses a withdrawn member from that
     * commit on, where waiting inside it on a Keycloak that does not answer kept them in for as
     * long as its timeouts. Keycloak is then told at once, or by the sweep if it does not answer.
     */
    private Optional<Member> change(UUID memberId, Consumer<Member> transition, String action, String reason, Actor by) {
        return session.getBusinessObject(Members.class).record(memberId, transition, action, reason, by)
                .map(accountsInStep::followedByKeycloak);
    }

    /**
     * Locked, so that this change waits for a sweep bringing the account in step with the state
     * before, and a sweep meanwhile passes it by: neither writes over the other's out-of-step mark.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Member> record(UUID memberId, Consumer<Member> transition, String action, String reason, Actor by) {
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            return Optional.empty();
        }
        transition.accept(member);
        if (member.keycloakUserId() != null) {
            member.accountInStep(false);
        }
        em.flush();
        audit.record(new AuditEntry(by, action, "member", member.id().toString(), reason));
        return Optional.of(member);
    }
}
