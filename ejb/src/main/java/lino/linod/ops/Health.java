package lino.linod.ops;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lino.linod.site.Database;
import lino.linod.site.Settings;

/**
 * Readiness (the database answers, the migrations are done, the daemon runs or is switched off) and liveness (the
 * daemon's loop has passed within its expected interval: twice {@code max_sleep} plus 30 seconds), in the shape of
 * MicroProfile Health: an overall status and named checks.
 */
@ApplicationScoped
public class Health {

    static final int DATABASE_TIMEOUT_SECONDS = 2;
    static final Duration SLACK = Duration.ofSeconds(30);

    @EJB
    Database database;

    @Inject
    Settings settings;

    @Inject
    Liveness liveness;

    /** One check: its name, whether it is up, and what it saw. */
    public record Check(String name, boolean up, Map<String, Object> data) {
    }

    public List<Check> readiness() {
        boolean reachable = database.reachable(DATABASE_TIMEOUT_SECONDS);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("version", database.schemaVersion());
        Map<String, Object> daemon = new LinkedHashMap<>();
        daemon.put("useLinod", settings.useLinod());
        daemon.put("running", liveness.isRunning());
        daemon.put("node", settings.node());
        return List.of(new Check("database", reachable, Map.of()),
                new Check("schema", database.migrated(), schema),
                new Check("daemon", !settings.useLinod() || liveness.isRunning(), daemon));
    }

    /** The longest the daemon's loop may stay silent and still count as alive. */
    public Duration expectedInterval() {
        return settings.maxSleep().multipliedBy(2).plus(SLACK);
    }

    public List<Check> liveness() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("useLinod", settings.useLinod());
        boolean up = true;
        if (settings.useLinod()) {
            Duration since = liveness.sinceLastTick();
            data.put("running", liveness.isRunning());
            data.put("lastLoopMillisAgo", since.toMillis());
            data.put("expectedWithinMillis", expectedInterval().toMillis());
            up = liveness.isRunning() && since.compareTo(expectedInterval()) <= 0;
        }
        return List.of(new Check("daemon-loop", up, data));
    }
}
