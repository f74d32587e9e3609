package lino.linod.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays after failed sign-ins, never a lockout. Failures are counted per user name, per client address
 * and per pair of both. After {@value #FREE_PER_USER} failures of one user name (or {@value #FREE_PER_ADDRESS}
 * from one address) each further attempt must wait 1 s, then 2, 4, … at most {@link #LONGEST} after the last
 * failure; an attempt that comes earlier is refused unchecked and is not counted, so a patient user gets through.
 *
 * <p>A user who signed in from an address before ({@link #KNOWN} long) is slowed there only by the failures of
 * that pair: somebody guessing their password from elsewhere cannot keep them out. Counts are forgotten
 * {@link #FORGET} after their last failure. Kept in memory, per node.
 */
@ApplicationScoped
public class Throttle {

    static final int FREE_PER_USER = 5;
    static final int FREE_PER_ADDRESS = 10;
    static final Duration LONGEST = Duration.ofSeconds(60);
    static final Duration FORGET = Duration.ofMinutes(15);
    static final Duration KNOWN = Duration.ofDays(30);
    /** More entries than this and the stale ones are dropped; if all are fresh, all are (a flood of addresses). */
    static final int KEYS = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> known = new ConcurrentHashMap<>();
    private Clock clock;

    /** Failures of a user name, an address or a pair, the latest, and whether a refusal since was told. */
    public record Failures(int count, Instant last, boolean refusalTold) {
    }

    protected Throttle() {
    }

    @Inject
    public Throttle(Clock clock) {
        this.clock = clock;
    }

    /** How long a sign-in of {@code user} from {@code address} must still wait; zero when it may be checked now. */
    public Duration waitFor(String user, String address) {
        Instant now = clock.instant();
        if (isKnown(user, address, now)) {
            return waitFor(pairKey(user, address), FREE_PER_USER, now);
        }
        Duration byUser = waitFor(userKey(user), FREE_PER_USER, now);
        Duration byAddress = waitFor(addressKey(address), FREE_PER_ADDRESS, now);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    /** Counts a failed sign-in; returns the failures of the user name and of the address. */
    public Failures[] failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() >= KEYS) {
            failures.values().removeIf(f -> forgotten(f, now));
            if (failures.size() >= KEYS) {
                failures.clear();
            }
        }
        count(pairKey(user, address), now);
        return new Failures[] {count(userKey(user), now), count(addressKey(address), now)};
    }

    /**
     * A successful sign-in: the pair is known from now on and its count cleared. The counts of the user name and
     * of the address stay (a success must not give a guesser new free attempts).
     */
    public void succeeded(String user, String address) {
        Instant now = clock.instant();
        if (known.size() >= KEYS) {
            known.values().removeIf(at -> !at.plus(KNOWN).isAfter(now));
            if (known.size() >= KEYS) {
                known.clear();
            }
        }
        known.put(pairKey(user, address), now);
        failures.remove(pairKey(user, address));
    }

    /**
     * Whether a refused attempt is the first since the last failure counted against it: only that one is worth a
     * log line (an attacker who keeps trying would otherwise fill the log).
     */
    public boolean firstRefusal(String user, String address) {
        boolean[] first = {false};
        for (String key : new String[] {userKey(user), addressKey(address), pairKey(user, address)}) {
            failures.computeIfPresent(key, (k, f) -> {
                if (!f.refusalTold()) {
                    first[0] = true;
                    return new Failures(f.count(), f.last(), true);
                }
                return f;
            });
        }
        return first[0];
    }

    static Duration delay(int count, int free) {
        if (count < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - free, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }

    private boolean isKnown(String user, String address, Instant now) {
        Instant at = known.get(pairKey(user, address));
        return at != null && at.plus(KNOWN).isAfter(now);
    }

    private Duration waitFor(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null || forgotten(f, now)) {
            return Duration.ZERO;
        }
        Instant until = f.last().plus(delay(f.count(), free));
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    private Failures count(String key, Instant now) {
        return failures.compute(key, (k, f) -> f == null || forgotten(f, now)
                ? new Failures(1, now, false) : new Failures(f.count() + 1, now, false));
    }

    private static boolean forgotten(Failures f, Instant now) {
        return !f.last().plus(FORGET).isAfter(now);
    }

    private static String userKey(String user) {
        return "user " + user;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    private static String pairKey(String user, String address) {
        return "pair " + address + " " + user;
    }
}
