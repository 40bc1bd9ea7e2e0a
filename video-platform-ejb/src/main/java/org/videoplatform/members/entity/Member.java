package org.videoplatform.members.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.videoplatform.platform.entity.NullableUuid;
import org.videoplatform.platform.entity.Timestamps;
import org.videoplatform.platform.entity.WebAddresses;

/** A person the video lead has vetted: they hold (or held) a producer account in Keycloak. */
@Entity
@Table(name = "members")
@NamedQuery(name = Member.BY_EMAIL, query = "SELECT m FROM Member m WHERE m.email = :email")
@NamedQuery(name = Member.BY_ACCOUNT, query = "SELECT m FROM Member m WHERE m.keycloakUserId = :account")
@NamedQuery(name = Member.ON_ROSTER_ENTRIES, query = "SELECT m FROM Member m WHERE m.rosterEntryId IN :entries")
@NamedQuery(name = Member.ACCOUNTS_OUT_OF_STEP, query = "SELECT m.id FROM Member m WHERE m.accountOutOfStep = TRUE")
@NamedQuery(name = Member.SEARCH, query = Member.MATCHING + " ORDER BY m.fullName, m.email")
@NamedQuery(name = Member.SEARCH_WITH_SKILL, query = Member.MATCHING + " AND :skill MEMBER OF m.skills ORDER BY m.fullName, m.email")
@NamedQuery(name = Member.CREW, query = "SELECT m FROM Member m WHERE m.state = :active AND m.keycloakUserId IS NOT NULL"
        + " AND :skill MEMBER OF m.skills AND " + Member.IN_REGION + " ORDER BY m.displayName, m.id")
public class Member {

    public static final String BY_EMAIL = "Member.byEmail";
    public static final String BY_ACCOUNT = "Member.byAccount";
    public static final String ON_ROSTER_ENTRIES = "Member.onRosterEntries";
    public static final String ACCOUNTS_OUT_OF_STEP = "Member.accountsOutOfStep";
    public static final String SEARCH = "Member.search";
    public static final String SEARCH_WITH_SKILL = "Member.searchWithSkill";
    public static final String CREW = "Member.crew";
    /** In the region as written, accents or not (search_fold, a database function); any region for ''. */
    static final String IN_REGION = "(:region = '' OR FUNCTION('search_fold', m.region) LIKE FUNCTION('search_fold', :region))";
    /** Members by name, as a lead types it, accents or not, or email, and region. */
    static final String MATCHING = "SELECT m FROM Member m WHERE (FUNCTION('search_fold', m.fullName) LIKE FUNCTION('search_fold', :term)"
            + " OR FUNCTION('search_fold', m.displayName) LIKE FUNCTION('search_fold', :term) OR m.email LIKE :term)"
            + " AND " + IN_REGION;
    private static final String ERASED_MARK = "erased:";

    private static final Set<Character.UnicodeScript> EAST_ASIAN_SCRIPTS = EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL,
            Character.UnicodeScript.BOPOMOFO);

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "keycloak_user_id", unique = true)
    private String keycloakUserId;

    @Convert(converter = NullableUuid.class)
    @Column(name = "roster_entry_id")
    private UUID rosterEntryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberState state;

    @Column(name = "vetted_at", nullable = false)
    private OffsetDateTime vettedAt;

    /** Whether their Keycloak account may still be open (or closed) against their state: Keycloak did not answer. */
    @Column(name = "account_out_of_step", nullable = false)
    private boolean accountOutOfStep;

    /** How the member wants to be credited and shown to other members; their full name stays with the leads. */
    @Column(name = "display_name")
    private String displayName;

    /** Whether {@link #displayName} is the first name and initial with a number the platform gave them, not a chosen name. */
    @Column(name = "display_name_numbered", nullable = false)
    private boolean displayNameNumbered;

    private String region;

    private String availability;

    // Lists read it for every row they show: one query for all the rows, not one per row.
    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "member_skills", joinColumns = @JoinColumn(name = "member_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "skill", nullable = false)
    private Set<Skill> skills = EnumSet.noneOf(Skill.class);

    @ElementCollection
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "member_portfolio_links", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    @Column(name = "url", nullable = false)
    private List<String> portfolioLinks = new ArrayList<>();

    @Version
    private long version;

    protected Member() {
        // for JPA
    }

    public Member(String email, String fullName, UUID rosterEntryId) {
        this.id = UUID.randomUUID();
        // Kept as attendees' are: erasure finds a member's registrations by this email.
        this.email = Attendee.comparableEmail(email);
        this.fullName = Objects.requireNonNull(fullName).strip();
        this.rosterEntryId = rosterEntryId;
        this.state = MemberState.ACTIVE;
        this.vettedAt = Timestamps.now();
    }

    /** Vetted again (after a revocation, or to hand over a new password): active from now. */
    public void vettedAgain(String fullName, UUID rosterEntryId) {
        if (state != MemberState.ACTIVE && state != MemberState.REVOKED) {
            throw new IllegalStateException("A " + state + " member cannot be vetted again");
        }
        this.state = MemberState.ACTIVE;
        this.fullName = fullName.strip();
        if (rosterEntryId != null) {
            this.rosterEntryId = rosterEntryId;
        }
        this.vettedAt = Timestamps.now();
    }

    /** Cut off at once: the account is closed and the API refuses the person's tokens. */
    public void suspend() {
        moveTo(MemberState.SUSPENDED);
    }

    public void revoke() {
        moveTo(MemberState.REVOKED);
    }

    /** Back from a suspension; a revoked member comes back only by being vetted again. */
    public void reinstate() {
        if (state != MemberState.SUSPENDED) {
            throw new MemberStateRefused(state, MemberState.ACTIVE);
        }
        moveTo(MemberState.ACTIVE);
    }

    private void moveTo(MemberState target) {
        if (!state.next().contains(target)) {
            throw new MemberStateRefused(state, target);
        }
        state = target;
    }

    /** The member's own description of themselves; empty values clear a field. */
    public void describe(String displayName, String region, Set<Skill> skills, String availability, List<String> portfolioLinks) {
        String chosen = blankToNull(displayName);
        // An empty box keeps a number the platform gave: without it the name is another member's.
        if (chosen != null || !displayNameNumbered) {
            this.displayName = chosen;
            this.displayNameNumbered = false;
        }
        this.region = blankToNull(region);
        this.availability = blankToNull(availability);
        this.skills.clear();
        this.skills.addAll(skills);
        this.portfolioLinks.clear();
        portfolioLinks.stream().map(String::strip).filter(link -> !link.isEmpty()).map(WebAddresses::withLowerCaseScheme).forEach(this.portfolioLinks::add);
    }

    /** Goes by their first name and initial, followed by this number where it is not null; not a chosen name. */
    public void goByNumber(Integer number) {
        this.displayName = number == null ? null : initialled() + " " + number;
        this.displayNameNumbered = number != null;
    }

    /**
     * Whether a word of the name mixes letters of different alphabets, as "Lеe" does with a Cyrillic
     * "е": the way to pass for someone by a name that only looks like theirs. Chinese, Japanese and
     * Korean scripts count as one with each other and may stand with Latin letters, as they do in
     * real names; whole words in one alphabet are anyone's to write.
     */
    public static boolean mixesAlphabetsInOneWord(String name) {
        for (String word : name.split("[^\\p{L}\\p{M}]+")) {
            Set<Character.UnicodeScript> scripts = word.codePoints()
                    .filter(Character::isLetter)
                    .mapToObj(Character.UnicodeScript::of)
                    .map(script -> EAST_ASIAN_SCRIPTS.contains(script) ? Character.UnicodeScript.HAN : script)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Character.UnicodeScript.class)));
            scripts.remove(Character.UnicodeScript.COMMON);
            scripts.remove(Character.UnicodeScript.INHERITED);
            if (scripts.size() > 1 && !scripts.equals(EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN))) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Removes everything that identifies the person. The record stays, so that videos they made keep
     * an anonymous credit and decisions about them still add up.
     */
    public void erase() {
        moveTo(MemberState.ERASED);
        this.email = erasedMarker(id);
        this.fullName = "Erased member";
        this.displayName = "Former member";
        this.displayNameNumbered = false;
        this.region = null;
        this.availability = null;
        this.skills.clear();
        this.portfolioLinks.clear();
        this.rosterEntryId = null;
        // The account id stays: it is opaque once the account is deleted, and it lets the API refuse
        // a token the person still holds.
    }

    /** What stands in for an erased person's email: unique, and not an address. */
    public static String erasedMarker(UUID memberId) {
        return ERASED_MARK + memberId;
    }

    /** Whether an email field holds an {@link #erasedMarker}: its person was erased. */
    public static boolean isErasedMarker(String email) {
        return email.startsWith(ERASED_MARK);
    }

    public boolean hasAccess() {
        return state == MemberState.ACTIVE;
    }

    public boolean accountOutOfStep() {
        return accountOutOfStep;
    }

    public void accountInStep(boolean inStep) {
        this.accountOutOfStep = !inStep;
    }

    public void linkAccount(String keycloakUserId) {
        this.keycloakUserId = keycloakUserId;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String fullName() {
        return fullName;
    }

    public String keycloakUserId() {
        return keycloakUserId;
    }

    public UUID rosterEntryId() {
        return rosterEntryId;
    }

    public MemberState state() {
        return state;
    }

    public OffsetDateTime vettedAt() {
        return vettedAt;
    }

    /**
     * The name other members see: the chosen display name, else the first name and the last
     * name's initial. The full name is the roster's, for leads; a member who never chose a name
     * has not agreed to show it to everyone looking for crew.
     */
    public String displayName() {
        return displayName != null ? displayName : initialled();
    }

    private String initialled() {
        String[] names = fullName.strip().split("\\s+");
        return names.length == 1 ? names[0] : names[0] + " " + new String(Character.toChars(names[names.length - 1].codePointAt(0))) + ".";
    }

    /** Whether {@link #displayName()} is one the member chose; else it follows their roster name. */
    public boolean choseDisplayName() {
        return displayName != null && !displayNameNumbered;
    }

    public String region() {
        return region;
    }

    public String availability() {
        return availability;
    }

    public Set<Skill> skills() {
        return skills.isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(skills);
    }

    public List<String> portfolioLinks() {
        return List.copyOf(portfolioLinks);
    }
}
