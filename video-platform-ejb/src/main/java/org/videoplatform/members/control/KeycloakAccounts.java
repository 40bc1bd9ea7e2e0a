package org.videoplatform.members.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.ClientBuilderWrapper;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Producer accounts in Keycloak, through the backend's service account. That account may grant
 * any realm role, so this class is the only place that grants one, and the role is fixed:
 * {@value #PRODUCER_ROLE}. No Keycloak type leaves it.
 */
@ApplicationScoped
public class KeycloakAccounts {

    public static final String PRODUCER_ROLE = "producer";
    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    static final int INVITATION_LIFESPAN_SECONDS = 3 * 24 * 60 * 60;
    /** Roles Keycloak gives every account; holding them grants nothing on the platform. */
    private static final Set<String> IGNORED_ROLES = Set.of("offline_access", "uma_authorization");
    private static final List<String> STAFF_ROLES = List.of("video-lead", "admin");
    private static final int MAX_NAMESAKES = 50;
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "vp.keycloak.admin-url", defaultValue = "http://localhost:8180")
    String serverUrl;

    @Inject
    @ConfigProperty(name = "vp.keycloak.realm", defaultValue = "video-platform")
    String realmName;

    @Inject
    @ConfigProperty(name = "vp.keycloak.backend-client", defaultValue = "video-platform-api")
    String clientId;

    @Inject
    @ConfigProperty(name = "vp.keycloak.backend-secret", defaultValue = "local-backend-secret-change-me")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "vp.keycloak.browser-client", defaultValue = "video-platform-ui")
    String browserClient;

    @Inject
    @ConfigProperty(name = "vp.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /**
     * How long a call may wait to connect, and then for each answer. Vetting, revocation and
     * erasure call Keycloak while holding the locks of the rows they change: without a limit, a
     * hung Keycloak would hold them until the transaction itself timed out, minutes later.
     */
    @Inject
    @ConfigProperty(name = "vp.keycloak.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    private Keycloak keycloak;

    /** The account and the one-time password to hand to its owner, who must replace it at first sign-in. */
    public record ProducerAccount(String userId, String temporaryPassword, boolean created) {
    }

    @PostConstruct
    void connect() {
        keycloak = KeycloakBuilder.builder()
                .serverUrl(serverUrl)
                .realm(realmName)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .resteasyClient(ClientBuilderWrapper.create(null, false)
                        .connectTimeout(timeoutSeconds, TimeUnit.SECONDS)
                        .readTimeout(timeoutSeconds, TimeUnit.SECONDS)
                        // What the admin client registers when it builds its own client, at the priority it uses.
                        .register(JacksonProvider.class, 100)
                        .build())
                .build();
    }

    @PreDestroy
    void disconnect() {
        keycloak.close();
    }

    /**
     * Opens (or re-opens) the account whose username is this email, with the producer role and a
     * fresh temporary password. Calling it again for the same member never makes a second account.
     *
     * @param accountOpenedBefore the account this platform opened for the member earlier, if any: an
     *        existing account is only ever re-opened if it is that one and holds no other role, so
     *        vetting can never hand a lead the password of a staff account
     */
    public ProducerAccount openProducerAccount(String email, String firstName, String lastName, String accountOpenedBefore) {
        try {
            return open(email, cleanName(firstName), cleanName(lastName), accountOpenedBefore);
        } catch (ClientErrorException e) {
            throw new AccountConflict("Keycloak refused the account for " + email + " (HTTP " + e.getResponse().getStatus()
                    + "). An admin needs to look at it in Keycloak.");
        } catch (ProcessingException | WebApplicationException e) {
            throw new AccountServiceFailed("Keycloak did not open the account: " + e.getMessage(), e);
        }
    }

    /** Keycloak's default profile rules refuse some characters in names; what the person typed stays in the platform. */
    static String cleanName(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{M}' .-]", " ").replaceAll("\\s+", " ").strip();
        return cleaned.isEmpty() ? "Member" : cleaned;
    }

    private ProducerAccount open(String email, String firstName, String lastName, String accountOpenedBefore) {
        RealmResource realm = keycloak.realm(realmName);
        String username = email.toLowerCase(Locale.ROOT);
        List<UserRepresentation> existing = new ArrayList<>(realm.users().search(username, true));
        realm.users().searchByEmail(username, true).stream()
                .filter(user -> existing.stream().noneMatch(e -> e.getId().equals(user.getId())))
                .forEach(existing::add);
        for (UserRepresentation user : existing) {
            if (!user.getId().equals(accountOpenedBefore)) {
                throw new AccountConflict("An account for " + email + " already exists that this platform did not open."
                        + " It is not re-used: an admin needs to look at it in Keycloak.");
            }
            List<String> otherRoles = realm.users().get(user.getId()).roles().realmLevel().listEffective().stream()
                    .map(RoleRepresentation::getName)
                    .filter(role -> !PRODUCER_ROLE.equals(role) && !IGNORED_ROLES.contains(role) && !role.startsWith("default-roles-"))
                    .toList();
            if (!otherRoles.isEmpty()) {
                throw new AccountConflict("The account for " + email + " holds other roles (" + String.join(", ", otherRoles)
                        + "). Vetting opens producer accounts only.");
            }
        }
        String userId;
        boolean created = existing.isEmpty();
        if (created) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEmail(username);
            user.setEmailVerified(true);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEnabled(true);
            user.setRequiredActions(List.of(UPDATE_PASSWORD));
            try (Response response = realm.users().create(user)) {
                // What Keycloak refuses about the person; its other refusals (401, 403) are the platform's own set-up.
                if (response.getStatus() == 400 || response.getStatus() == 409) {
                    throw new AccountConflict("Keycloak refused the account for " + email + ": " + refusal(response));
                }
                userId = CreatedResponseUtil.getCreatedId(response);
            } catch (ProcessingException noAnswer) {
                // Made, perhaps, though the answer never came: a retry would find an account the platform did not open, and refuse.
                try {
                    realm.users().search(username, true).forEach(made -> deleteAccount(made.getId()));
                } catch (RuntimeException cleanup) {
                    noAnswer.addSuppressed(cleanup);
                }
                throw noAnswer;
            }
        } else {
            UserRepresentation user = existing.get(0);
            userId = user.getId();
            user.setEnabled(true);
            user.setRequiredActions(List.of(UPDATE_PASSWORD));
            realm.users().get(userId).update(user);
        }
        try {
            return new ProducerAccount(userId, grantProducer(realm.users().get(userId)), created);
        } catch (RuntimeException e) {
            if (created) {
                // Half made: a retry would find an account the platform did not record as opened, and refuse.
                try {
                    deleteAccount(userId);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** Keycloak's reason, in words a lead can act on where it is one they can do something about. */
    private static String refusal(Response response) {
        String reason = null;
        try {
            ErrorRepresentation error = response.readEntity(ErrorRepresentation.class);
            reason = error == null ? null : error.getErrorMessage();
        } catch (ProcessingException unreadable) {
            // Said by its status alone, below.
        }
        if ("error-non-ascii-local-part-email".equals(reason)) {
            return "its email has letters before the @ that are not plain ASCII, such as accents. Register the attendee again with an"
                    + " address the sign-in service takes, and vet that registration.";
        }
        return (reason == null ? "HTTP " + response.getStatus() : reason) + ". An admin needs to look at it in Keycloak.";
    }

    /** @return the temporary password the account now has */
    private static String grantProducer(UserResource account) {
        String temporaryPassword = temporaryPassword();
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(temporaryPassword);
        password.setTemporary(true);
        account.resetPassword(password);
        // Read from the roles this account may still be given: manage-users allows that, not reading the realm.
        List<RoleRepresentation> producer = account.roles().realmLevel().listAvailable().stream()
                .filter(role -> PRODUCER_ROLE.equals(role.getName()))
                .toList();
        if (!producer.isEmpty()) {
            account.roles().realmLevel().add(producer);
        }
        return temporaryPassword;
    }

    /**
     * Opens the account to sign-in (with the password its owner already had), or disables it and
     * ends its sessions; tokens already issued are refused by the API itself. An account deleted
     * by hand in Keycloak counts as closed.
     */
    public void matchAccess(String userId, boolean access) {
        if (access) {
            call("reopen the account", () -> enable(userId, true));
        } else {
            call("close the account", () -> {
                try {
                    enable(userId, false);
                    keycloak.realm(realmName).users().get(userId).logout();
                } catch (NotFoundException deleted) {
                    // Nothing left that could sign in.
                }
            });
        }
    }

    private void enable(String userId, boolean enabled) {
        UserResource account = keycloak.realm(realmName).users().get(userId);
        UserRepresentation user = account.toRepresentation();
        user.setEnabled(enabled);
        account.update(user);
    }

    /**
     * The account of a lead or admin whose account name the given name holds, or whose username it
     * is, read as words alone: "Lee Lead.", "the real lee lead (lead)" and "Léé Lead" all hold "Lee
     * Lead". Empty when it holds no staff name. Staff are found by searching users (see {@link
     * #searches}) and reading the roles of those the name holds, which the platform's own account may
     * do, rather than by listing a role's members, which would need it to read the realm's whole set-up.
     */
    public Optional<String> staffAccountNamed(String name) {
        List<String> words = words(name);
        try {
            RealmResource realm = keycloak.realm(realmName);
            Set<String> looked = new HashSet<>();
            for (String search : searches(name)) {
                for (UserRepresentation user : realm.users().search(search, 0, MAX_NAMESAKES)) {
                    if (!looked.add(user.getId())) {
                        continue;
                    }
                    String accountName = (user.getFirstName() == null ? "" : user.getFirstName()) + " "
                            + (user.getLastName() == null ? "" : user.getLastName());
                    // A username may be a common word ("lead"): only the whole name may not be it.
                    boolean held = holds(words, words(accountName)) || words.equals(words(String.valueOf(user.getUsername())));
                    if (held && realm.users().get(user.getId()).roles().realmLevel().listEffective().stream()
                            .anyMatch(role -> STAFF_ROLES.contains(role.getName()))) {
                        return Optional.of(user.getId());
                    }
                }
            }
        } catch (ProcessingException | WebApplicationException e) {
            throw new AccountServiceFailed("Keycloak did not say who the leads are: " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    /**
     * What to ask Keycloak for to find the staff a name may hold. Keycloak takes each word of a
     * search as the start of a user's names, username or email, as they are stored: with their
     * accents and hyphens. So each pair of neighbouring words and each word is asked both as typed
     * ("Anne-Marie", "José") and as read ("anne marie", "jose"), where a name may hide a lead's.
     */
    static Set<String> searches(String name) {
        Set<String> searches = new LinkedHashSet<>();
        for (List<String> words : List.of(List.of(Normalizer.normalize(name, Normalizer.Form.NFKC).strip().split("\\s+")), words(name))) {
            IntStream.range(0, words.size() - 1).mapToObj(i -> words.get(i) + " " + words.get(i + 1)).forEach(searches::add);
            // Single letters would each find most of the realm.
            words.stream().filter(word -> word.codePointCount(0, word.length()) > 1).forEach(searches::add);
        }
        searches.remove("");
        return searches;
    }

    /** A name's words as a reader takes them: compatibility forms folded, accents, case and punctuation dropped. */
    static List<String> words(String name) {
        String letters = Normalizer.normalize(Normalizer.normalize(name, Normalizer.Form.NFKC), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return letters.isEmpty() ? List.of() : List.of(letters.split(" "));
    }

    /** Whether the words of a name hold another's, in order and side by side. */
    static boolean holds(List<String> name, List<String> other) {
        return !other.isEmpty() && Collections.indexOfSubList(name, other) >= 0;
    }

    /** Deletes the account outright, for a member whose personal data is erased. */
    public void deleteAccount(String userId) {
        call("delete the account", () -> {
            try (Response response = keycloak.realm(realmName).users().delete(userId)) {
                if (response.getStatus() != 204 && response.getStatus() != 404) {
                    throw new AccountServiceFailed("Keycloak did not delete the account: HTTP " + response.getStatus(), null);
                }
            }
        });
    }

    /**
     * Has Keycloak email the member a link to choose their own password, valid for three days; it
     * signs them in to the platform afterwards. Needs the realm's SMTP settings to reach a server.
     */
    public void sendInvitation(String userId) {
        call("send the invitation", () -> keycloak.realm(realmName).users().get(userId)
                .executeActionsEmail(browserClient, publicUrl + "/", INVITATION_LIFESPAN_SECONDS, List.of(UPDATE_PASSWORD)));
    }

    /** Keycloak unreachable or failing: the caller's decision rolls back and the lead can try again. */
    private static void call(String what, Runnable keycloakCall) {
        try {
            keycloakCall.run();
        } catch (ProcessingException | WebApplicationException e) {
            throw new AccountServiceFailed("Keycloak did not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Four groups of four unambiguous characters: easy to read out and type on a phone. */
    static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
