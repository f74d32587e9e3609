package lino.linod.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * linod's meters, exposed in Prometheus' text format by {@link #scrape()}: runs by procedure and outcome, run
 * duration and lateness (start − due) as histograms, runs going on, due tasks waiting for a free run slot, claims
 * lost to another node and database errors of the daemon's loop. The daemon reports; nothing here reads the
 * database.
 */
@ApplicationScoped
public class Metrics {

    private static final Duration[] DURATION_BUCKETS = seconds(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 1800,
            7200);
    private static final Duration[] LATENESS_BUCKETS = seconds(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 60,
            300);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter claimsLost;
    private final Counter databaseErrors;
    private volatile IntSupplier running = () -> 0;
    private volatile IntSupplier sessions = () -> 0;

    public Metrics() {
        Gauge.builder("linod.runs.active", this, m -> m.running.getAsInt())
                .description("Runs going on at this node").register(registry);
        Gauge.builder("linod.tasks.waiting", waiting, AtomicInteger::get)
                .description("Due tasks waiting for a free run slot at this node's last look (of those it read)")
                .register(registry);
        Gauge.builder("linod.http.sessions", this, m -> m.sessions.getAsInt())
                .description("Open HTTP sessions at this node (only a page sign-in makes one)").register(registry);
        claimsLost = Counter.builder("linod.claims.lost")
                .description("Due tasks that another node (or a user's change) claimed first").register(registry);
        databaseErrors = Counter.builder("linod.database.errors")
                .description("Database errors of the daemon's loop and of recording runs").register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return out;
    }

    /** Where the gauge of runs going on reads its value. */
    public void countRunningWith(IntSupplier supplier) {
        running = supplier;
    }

    /** Where the gauge of open HTTP sessions reads its value. */
    public void countSessionsWith(IntSupplier supplier) {
        sessions = supplier;
    }

    /** A run has started, {@code lateness} after its task was due. */
    public void started(String procedure, Duration lateness) {
        Timer.builder("linod.run.lateness").description("Time from a task's due instant to its run's start")
                .tag("procedure", procedure).serviceLevelObjectives(LATENESS_BUCKETS).register(registry)
                .record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    /** A run has ended. */
    public void ended(String procedure, String outcome, Duration duration) {
        Counter.builder("linod.runs").description("Ended runs by procedure and outcome")
                .tag("procedure", procedure).tag("outcome", outcome).register(registry).increment();
        Timer.builder("linod.run.duration").description("How long runs took")
                .tag("procedure", procedure).serviceLevelObjectives(DURATION_BUCKETS).register(registry)
                .record(duration.isNegative() ? Duration.ZERO : duration);
    }

    public void waiting(int dueTasks) {
        waiting.set(dueTasks);
    }

    public void claimLost() {
        claimsLost.increment();
    }

    public void databaseError() {
        databaseErrors.increment();
    }

    /** Every meter in Prometheus' text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
