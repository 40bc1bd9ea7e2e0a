package org.videoplatform.releases.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videoplatform.problems.TooManyRequests;

/**
 * How many links one address may make from landing pages in a while. Anyone may make them,
 * signed in or not, so without a bound a script could fill the database with links. A person
 * passing a video on makes a few. Counted on each node by itself, in memory only: the addresses
 * are forgotten when their while is over.
 */
@ApplicationScoped
public class ForwardAllowance {

    /** Addresses held before the ones whose while is over are swept out, at most once a while. */
    private static final int SWEEP_ABOVE = 10_000;
    /** Addresses held at the most: past this, a flood of fresh addresses is refused as one. */
    private static final int HELD_AT_MOST = 200_000;
    private static final String EVERY_OTHER_ADDRESS = "";

    @Inject
    @ConfigProperty(name = "vp.share.forwards-per-address", defaultValue = "20")
    int perAddress;

    @Inject
    @ConfigProperty(name = "vp.share.forwards-window", defaultValue = "PT10M")
    Duration window;

    private final ConcurrentHashMap<String, Spent> spent = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);

    private record Spent(Instant since, int links) {

        boolean overAt(Instant now, Duration window) {
            return !now.isBefore(since.plus(window));
        }
    }

    /** Counts a link the address makes, or refuses it with when to try again. */
    void spend(String address) {
        take(address, Instant.now()).ifPresent(wait -> {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new TooManyRequests("This address has made as many links as it may for now. Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."), wait);
        });
    }

    /** @return empty when the address may make a link now; otherwise how long until it may */
    Optional<Duration> take(String address, Instant now) {
        sweep(now);
        String sender = sender(address);
        String counted = spent.size() < HELD_AT_MOST || spent.containsKey(sender) ? sender : EVERY_OTHER_ADDRESS;
        Spent after = spent.compute(counted, (a, before) -> before == null || before.overAt(now, window)
                ? new Spent(now, 1)
                : new Spent(before.since(), before.links() + 1));
        if (after.links() <= perAddress) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, after.since().plus(window)));
    }

    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (spent.size() > SWEEP_ABOVE && !now.isBefore(last.plus(window)) && lastSweep.compareAndSet(last, now)) {
            spent.values().removeIf(s -> s.overAt(now, window));
        }
    }

    /** One IPv6 network is one sender: a single machine is handed a /64 and may use any address in it. */
    static String sender(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal IPv6 address: parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] network = new byte[8];
                System.arraycopy(parsed.getAddress(), 0, network, 0, 8);
                return HexFormat.of().formatHex(network) + "::/64";
            }
            return address;
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
