package org.videoplatform.releases.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import java.util.Arrays;
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
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Redirects {

    /** Where a link leads; an empty url means the landing page. */
    public record Target(Optional<String> url) {
    }

    /** A day and its salt. */
    private record Salt(LocalDate day, byte[] salt) {
    }

    private static final int VISITOR_BYTES = 16;

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
    private volatile Salt today = new Salt(LocalDate.MIN, new byte[0]);
    private ClickLog log;

    @PostConstruct
    void open() {
        log = new ClickLog(directory(), node.name(), segmentLength, threads);
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
    public void count(String code, String address, String userAgent, Consumer<Boolean> acknowledge) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        log.record(new ClickLog.Click(code, day, visitor(day, address, userAgent)), acknowledge);
    }

    private byte[] visitor(LocalDate day, String address, String userAgent) {
        Salt salt = today;
        if (!salt.day().equals(day)) {
            salt = new Salt(day, salts.saltOf(day));
            today = salt;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.salt());
            sha256.update(address.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha256.digest(), VISITOR_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
