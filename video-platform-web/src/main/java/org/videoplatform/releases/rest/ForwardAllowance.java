package org.videoplatform.releases.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many links one address may make from landing pages in a while. Anyone may make them,
 * signed in or not, so without a bound a script could fill the database with links. A person
 * passing a video on makes a few. Counted on each node by itself, in memory only: the addresses
 * are forgotten when their while is over.
 */
@ApplicationScoped
public class ForwardAllowance {

    /** Addresses held before the ones whose while is over are swept out. */
    private static final int SWEEP_ABOVE = 10_000;

    @Inject
    @ConfigProperty(name = "vp.share.forwards-per-address", defaultValue = "20")
    int perAddress;

    @Inject
    @ConfigProperty(name = "vp.share.forwards-window", defaultValue = "PT10M")
    Duration window;

    private final ConcurrentHashMap<String, Spent> spent = new ConcurrentHashMap<>();

    private record Spent(Instant since, int links) {
    }

    /** @return empty when the address may make a link now; otherwise how long until it may */
    Optional<Duration> take(String address, Instant now) {
        if (spent.size() > SWEEP_ABOVE) {
            spent.values().removeIf(s -> !now.isBefore(s.since().plus(window)));
        }
        Spent after = spent.compute(address, (a, before) -> before == null || !now.isBefore(before.since().plus(window))
                ? new Spent(now, 1)
                : new Spent(before.since(), before.links() + 1));
        if (after.links() <= perAddress) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, after.since().plus(window)));
    }
}
