package lino.linod.site;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
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
        zone = zone(value("zone", ZoneId.systemDefault().getId()));
        logLevel = LogLevel.valueOf(value("loglevel", System.getenv().getOrDefault("LINO_LOGLEVEL", "INFO"))
                .toUpperCase(Locale.ROOT)).julLevel();
        gracePeriod = duration("grace_period", "PT10S");
        maxSleep = duration("max_sleep", "PT60S");
        node = value("node", defaultNode());
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

    private static String defaultNode() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ManagementFactory.getRuntimeMXBean().getName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
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

    /** The zone of recurrences that name none. */
    public ZoneId zone() {
        return zone;
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
}
