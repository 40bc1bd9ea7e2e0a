package org.videoplatform.releases.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videoplatform.media.control.WorkerNode;
import org.videoplatform.releases.control.ClickLog;
import org.videoplatform.releases.entity.ShareLink;

/**
 * The redirect behind every share link, and its count. Where a link leads never changes, so it
 * is read from the database once and then answered from memory; the click goes to the
 * {@link ClickLog}, and the redirect is sent once the click is on disk.
 * <p>
 * Who clicked is kept only as a hash of their address and browser salted with the day's salt,
 * enough to count them once a day and nothing more: the address is never written anywhere, and
 * the salt is thrown away when the day is over.
 * <p>
 * A plain CDI bean rather than an EJB: it is called for every redirect, needs neither roles nor
 * transactions, and the interceptors of an EJB call cost a noticeable share of a redirect.
 */
@ApplicationScoped
public class Redirects {

    /** Where a link leads; an empty url means the landing page. */
    public record Target(Optional<String> url) {
    }

    /** A day and its salt. */
    private record Salt(LocalDate day, byte[] salt) {
    }

    private static final Salt NO_SALT = new Salt(LocalDate.MIN, new byte[0]);

    private static final int VISITOR_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();
    /** Looking a digest up costs more than using it; each request thread keeps its own. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Redirects::sha256);

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    WorkerNode node;

    @Inject
    VisitorSalts salts;

    /** Local disk of this node; clicks are folded from here into the database. */
    @Inject
    @ConfigProperty(name = "vp.share.click-log-dir")
    Optional<String> clickLogDirectory;

    @Inject
    @ConfigProperty(name = "vp.share.click-segment", defaultValue = "PT2S")
    Duration segmentLength;

    private final Map<String, Target> known = new ConcurrentHashMap<>();
    private volatile Salt today = NO_SALT;
    private ClickLog log;

    @PostConstruct
    void open() {
        log = new ClickLog(directory(), node.name(), segmentLength, threads);
    }

    /**
     * Today's salt too is read again at the next click: a database crash empties the salts' unlogged
     * table (V26), and every node must take up the one new salt the day then gets, not keep its own.
     */
    void readSaltAgain(@Observes VisitorSalts.PastDaysForgotten forgotten) {
        today = NO_SALT;
    }

    @PreDestroy
    void close() {
        log.close();
    }

    public Path directory() {
        return Path.of(clickLogDirectory.filter(d -> !d.isBlank())
                .orElse(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")) + "/click-log"));
    }

    public Optional<Target> targetOf(String code) {
        Target target = known.get(code);
        if (target != null) {
            return Optional.of(target);
        }
        return Optional.ofNullable(em.find(ShareLink.class, code)).map(link -> {
            Target found = new Target(Optional.ofNullable(link.targetUrl()));
            known.put(code, found);
            return found;
        });
    }

    /** Counts a click on a known link; {@code acknowledge} is told whether the count is safe on disk. */
    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    public void count(String code, String address, String userAgent, Consumer<Boolean> acknowledge) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        log.record(new ClickLog.Click(code, day, visitor(day, address, userAgent)), acknowledge);
    }

    private String visitor(LocalDate day, String address, String userAgent) {
        Salt salt = today;
        if (!salt.day().equals(day)) {
            salt = new Salt(day, salts.saltOf(day));
            today = salt;
        }
        MessageDigest sha256 = SHA256.get();
        sha256.update(salt.salt());
        sha256.update(address.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha256.digest(), 0, VISITOR_BYTES);
    }
}
