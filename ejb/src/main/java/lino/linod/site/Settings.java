package lino.linod.site;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Pattern;
import lino.linod.task.LogLevel;

/**
 * linod's settings. Each is read, first found wins, from the system property {@code linod.NAME}, the environment
 * variable {@code LINOD_NAME}, a {@code linod.properties} resource of the application, then the default.
 * Bad values fail the deployment with a message naming the setting.
 */
@ApplicationScoped
public class Settings {

    /** The most runs at once on one node: the size of linod's managed executor. */
    public static final int MAX_EXECUTOR_SIZE = 32;
    /** The highest {@code max_tasks}: the No. of a task goes to 1,000,000, and the listing shows them all. */
    public static final int MAX_MAX_TASKS = 100_000;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Properties bundled = new Properties();
    private boolean useLinod;
    private String daemonUser;
    private Duration historyRetention;
    private int executorSize;
    private ZoneId zone;
    private Level logLevel;
    private Duration gracePeriod;
    private Duration maxSleep;
    private String node;
    private Duration heartbeat;
    private Duration lease;
    private boolean zoneGiven;
    private Set<String> trustedProxies;
    private int maxTasks;
    private Duration shortestInterval;

    @PostConstruct
    void read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("linod.properties")) {
            if (in != null) {
                bundled.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        useLinod = Boolean.parseBoolean(value("use_linod", "true"));
        daemonUser = value("daemon_user", "linod");
        historyRetention = duration("history_retention", "P30D");
        executorSize = Integer.parseInt(value("executor_size", "4"));
        if (executorSize < 1 || executorSize > MAX_EXECUTOR_SIZE) {
            throw new IllegalArgumentException("linod.executor_size must be from 1 to " + MAX_EXECUTOR_SIZE);
        }
        zoneGiven = outside("zone") != null || bundled.getProperty("zone") != null;
        zone = zone(value("zone", ZoneId.systemDefault().getId()));
        logLevel = LogLevel.valueOf(value("loglevel", System.getenv().getOrDefault("LINO_LOGLEVEL", "INFO"))
                .toUpperCase(Locale.ROOT)).julLevel();
        gracePeriod = duration("grace_period", "PT10S");
        maxSleep = duration("max_sleep", "PT60S");
        node = value("node", defaultNode());
        if (node.length() > 100) {
            throw new IllegalArgumentException("linod.node: at most 100 characters: " + node);
        }
        heartbeat = duration("heartbeat", "PT5S");
        lease = duration("lease", "PT15S");
        maxTasks = integer("max_tasks", "10000", 1, MAX_MAX_TASKS);
        shortestInterval = duration("shortest_interval", "PT1S");
        if (shortestInterval.isNegative() || shortestInterval.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("linod.shortest_interval must be from PT0S to P366D: "
                    + shortestInterval);
        }
        if (heartbeat.compareTo(Duration.ofMillis(100)) < 0 || lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("linod.lease (" + lease + ") must be at least twice linod.heartbeat ("
                    + heartbeat + "), which must be at least 0.1 s");
        }
        trustedProxies = addresses("trusted_proxies", value("trusted_proxies", ""));
    }

    /** A comma-separated list of IP addresses (no host names: nothing is looked up), each in its canonical form. */
    static Set<String> addresses(String name, String list) {
        Set<String> out = new TreeSet<>();
        for (String entry : list.split(",")) {
            String address = entry.trim();
            if (address.isEmpty()) {
                continue;
            }
            String canonical = canonicalAddress(address);
            if (canonical == null) {
                throw new IllegalArgumentException("linod." + name + ": not an IP address: " + address);
            }
            out.add(canonical);
        }
        return Set.copyOf(out);
    }

    /** The canonical form of an IP address literal, or null when {@code text} is not one. Never looks a name up. */
    public static String canonicalAddress(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (!text.contains(":")) {
            // IPv4 only as four decimal numbers: anything else would be taken for a host name and looked up.
            if (!IPV4.matcher(text).matches()) {
                return null;
            }
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        } else if (!text.chars().allMatch(c -> c == '.' || c == ':' || Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            // With a colon, Java parses an IPv6 literal and never looks a name up.
            return InetAddress.getByName(text).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private String value(String name, String fallback) {
        String v = outside(name);
        if (v == null) {
            v = bundled.getProperty(name);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** A setting given from outside the application: system property {@code linod.NAME} or {@code LINOD_NAME}. */
    static String outside(String name) {
        String v = System.getProperty("linod." + name);
        return v != null ? v : System.getenv("LINOD_" + name.toUpperCase(Locale.ROOT));
    }

    private int integer(String name, String fallback, int min, int max) {
        String v = value(name, fallback);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("linod." + name + " must be a whole number from " + min + " to " + max
                + ": " + v);
    }

    private Duration duration(String name, String fallback) {
        String v = value(name, fallback);
        try {
            return Duration.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("linod." + name + ": not an ISO-8601 duration: " + v, e);
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("linod.zone: unknown time zone: " + id, e);
        }
    }

    /** The host's name: stable across restarts, so that a restarted node finds its own runs. */
    private static String defaultNode() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "linod";
        }
    }

    /** Lino's {@code use_linod}: false means nothing runs and the listing says "This site does not use linod.". */
    public boolean useLinod() {
        return useLinod;
    }

    /** Lino's {@code daemon_user}: the identity procedures run as. */
    public String daemonUser() {
        return daemonUser;
    }

    /** Runs older than this are deleted by {@code clear_too_old_job_history}. */
    public Duration historyRetention() {
        return historyRetention;
    }

    /** How many runs go on at once on this node. */
    public int executorSize() {
        return executorSize;
    }

    /**
     * The site's time zone: of recurrences that name none, of the times shown. Kept in the database at the first
     * start, so that every node computes the same next runs (see {@link Database}).
     */
    public ZoneId zone() {
        return zone;
    }

    /** Whether {@code zone} was given (not the JVM's default). */
    boolean zoneGiven() {
        return zoneGiven;
    }

    /** The zone kept in the database wins over this node's own. */
    void useSiteZone(ZoneId siteZone) {
        zone = siteZone;
    }

    /** How often this node renews its heartbeat in the database. */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** A node whose heartbeat is older than this is dead: another node closes its runs. */
    public Duration lease() {
        return lease;
    }

    /** Level of linod's own messages (Lino's {@code LINO_LOGLEVEL}). */
    public Level logLevel() {
        return logLevel;
    }

    /** How long a shutdown waits for running procedures after asking them to stop. */
    public Duration gracePeriod() {
        return gracePeriod;
    }

    /** The longest the daemon sleeps without looking at the database (changes made by other nodes). */
    public Duration maxSleep() {
        return maxSleep;
    }

    /** This node's name in the run history. */
    public String node() {
        return node;
    }

    /**
     * The reverse proxies whose {@code X-Forwarded-For} names the client (for sign-in throttling and its log);
     * empty: the connection's own address is the client's.
     */
    public Set<String> trustedProxies() {
        return trustedProxies;
    }

    /** The most system tasks this site holds: creating one more is refused. */
    public int maxTasks() {
        return maxTasks;
    }

    /** The shortest time between two runs of a recurrence that a user may set (a quota on the daemon's work). */
    public Duration shortestInterval() {
        return shortestInterval;
    }
}
