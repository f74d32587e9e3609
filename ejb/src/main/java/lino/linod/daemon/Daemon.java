package lino.linod.daemon;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Clock;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureInfo;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.procedure.Warning;
import lino.linod.recurrence.Recurrence;
import lino.linod.run.Outcome;
import lino.linod.run.Run;
import lino.linod.ops.Liveness;
import lino.linod.ops.Metrics;
import lino.linod.run.Runs;
import lino.linod.site.Settings;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;

/**
 * The Lino daemon. At start-up it closes the runs this node left behind, creates a system task for each new
 * procedure and goes to sleep until the first one is due.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedExecutorDefinition(name = Daemon.RUNS_EXECUTOR, maxAsync = Settings.MAX_EXECUTOR_SIZE)
public class Daemon {

    static final Logger LOG = Logger.getLogger("lino.linod");
    static final String RUNS_EXECUTOR = "java:app/concurrent/linodRuns";
    private static final int FINISH_ATTEMPTS = 10;

    @Resource
    ManagedScheduledExecutorService timer;

    /**
     * Where runs go: linod's own managed executor (defined above), so that runs have the application's context
     * (naming, {@code @EJB} references, class loader) — plain threads of a {@code ManagedThreadFactory} were seen
     * on Payara Server with no component invocation — and so that the server's default executor is left to
     * others. The semaphore keeps at most {@code executor_size} runs at once. Looked up at start-up, because
     * Payara Micro does not bind an executor defined in a library jar of a WAR; there the default one serves.
     */
    private ManagedExecutorService workers;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    @Inject
    ProcedureRegistry registry;

    @Inject
    BeanManager beans;

    @Inject
    Event<RunFinished> finished;

    @Inject
    WakeUpCall wakeUpCall;

    @Inject
    Metrics metrics;

    @Inject
    Liveness liveness;

    @EJB
    SystemTasks tasks;

    @EJB
    Runs runs;

    private final Object tickLock = new Object();
    private final Object timerLock = new Object();
    private final Map<Long, RunContext> running = new ConcurrentHashMap<>();
    private Semaphore slots;
    private ScheduledFuture<?> wakeUp;
    private volatile Instant nextWakeUp;
    private volatile boolean active;

    @PostConstruct
    public void start() {
        LOG.setLevel(settings.logLevel());
        if (!settings.useLinod()) {
            LOG.info("This site does not use linod.");
            return;
        }
        slots = new Semaphore(settings.executorSize());
        workers = executor();
        Instant now = now();
        for (Run run : runs.closeInterrupted(settings.node(), now, settings.zone(),
                "\nInterrupted: node " + settings.node() + " stopped during this run.\n")) {
            LOG.warning("Closed run #" + run.getId() + " of " + run.getTaskName() + " as interrupted.");
        }
        installIfNeeded(now);
        metrics.countRunningWith(running::size);
        active = true;
        liveness.running(true);
        wakeUpCall.answerWith(this::wake);
        LOG.info("Start task runner on " + settings.node() + " with " + registry.procedures().size()
                + " procedures.");
        wake();
    }


    private static ManagedExecutorService executor() {
        try {
            return InitialContext.doLookup(RUNS_EXECUTOR);
        } catch (NamingException e) {
            try {
                LOG.fine(RUNS_EXECUTOR + " is not bound here; runs use the server's default managed executor.");
                return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
            } catch (NamingException none) {
                throw new IllegalStateException("No managed executor for runs", none);
            }
        }
    }

    private void installIfNeeded(Instant now) {
        for (ProcedureInfo p : registry.procedures().values()) {
            Recurrence suggested = Recurrence.parseSuggested(p.suggestedRecurrence());
            tasks.installIfNeeded(p.name(), suggested, settings.daemonUser(), now, settings.zone())
                    .ifPresent(t -> LOG.info("Created " + t.label() + "."));
        }
        for (SystemTask t : tasks.all()) {
            if (registry.find(t.getProcedure()).isEmpty()) {
                LOG.warning(t.label() + ": procedure " + t.getProcedure() + " is not registered; it will not run.");
                tasks.unschedule(t.getId());
            }
        }
    }

    /**
     * Stops claiming, asks running procedures to stop, waits for them up to the grace period and closes what is
     * still running as interrupted.
     */
    @PreDestroy
    public void stop() {
        if (!active) {
            return;
        }
        active = false;
        liveness.running(false);
        wakeUpCall.answerWith(null);
        synchronized (timerLock) {
            if (wakeUp != null) {
                wakeUp.cancel(false);
            }
        }
        running.values().forEach(RunContext::cancel);
        long deadline = System.nanoTime() + settings.gracePeriod().toNanos();
        for (RunContext run : List.copyOf(running.values())) {
            try {
                if (run.future != null) {
                    run.future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException e) {
                run.future.cancel(true);
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                LOG.log(Level.FINE, "Run ended abnormally during shutdown", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            runs.closeInterrupted(settings.node(), now(), settings.zone(),
                    "\nInterrupted: linod stopped on " + settings.node() + ".\n");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close the runs still going on", e);
        }
        running.clear();
        LOG.info("Done");
    }

    /** Stops and starts again, as a server restart would: used by operators and by the container tests. */
    public void restart() {
        stop();
        start();
    }

    /** Looks at the tasks now: called when a task was changed or requested, and when a run ended. */
    public void wake() {
        sleep(Duration.ZERO);
    }

    private void sleep(Duration delay) {
        synchronized (timerLock) {
            if (!active) {
                return;
            }
            if (wakeUp != null) {
                wakeUp.cancel(false);
            }
            nextWakeUp = now().plus(delay);
            wakeUp = timer.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        Duration delay = settings.maxSleep();
        synchronized (tickLock) {
            if (!active) {
                return;
            }
            liveness.ticked();
            try {
                startDueTasks(now());
                Instant now = now();
                Optional<Instant> next = tasks.nextWakeUp();
                if (next.isPresent()) {
                    Duration until = Duration.between(now, next.get());
                    delay = until.isNegative() ? Duration.ZERO : until.compareTo(delay) < 0 ? until : delay;
                }
            } catch (RuntimeException e) {
                // A broken database must not end the loop: try again soon, without spinning.
                metrics.databaseError();
                LOG.log(Level.WARNING, "Task runner loop failed; trying again in 1 second", e);
                delay = Duration.ofSeconds(1);
            }
        }
        sleep(delay);
    }

    private void startDueTasks(Instant now) {
        List<SystemTask> due = tasks.due(now);
        int seen = 0;
        for (SystemTask task : due) {
            seen++;
            Optional<ProcedureInfo> procedure = registry.find(task.getProcedure());
            if (procedure.isEmpty()) {
                tasks.unschedule(task.getId());
                continue;
            }
            if (!slots.tryAcquire()) {
                LOG.fine("All " + settings.executorSize() + " run slots busy; " + task.label() + " waits.");
                metrics.waiting(due.size() - seen + 1);
                return;
            }
            Optional<Run> claimed;
            try {
                claimed = runs.claim(task, now, settings.node(), settings.daemonUser());
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                metrics.claimLost();
                slots.release();
                LOG.fine(task.label() + " was claimed elsewhere or changed; looking again.");
                continue;
            }
            launch(task, claimed.get(), procedure.get(), now);
        }
        metrics.waiting(0);
    }

    private void launch(SystemTask task, Run run, ProcedureInfo procedure, Instant now) {
        Instant due = task.getRequestedAt() != null ? task.getRequestedAt() : task.getNextRunTime();
        metrics.started(procedure.name(), due == null ? Duration.ZERO : Duration.between(due, now));
        LOG.fine("Run " + run.getId() + " of " + task.label() + " started on " + settings.node()
                + " with logging level " + task.getLogLevel() + ".");
        RunContext context = new RunContext(task, run.getId(), procedure.name(), now, settings.daemonUser(), runs);
        running.put(task.getId(), context);
        try {
            context.future = workers.submit(() -> execute(context, procedure));
        } catch (RuntimeException e) {
            context.append("Could not start: " + e + "\n");
            record(context, Outcome.FAILED);
        }
    }

    private void execute(RunContext context, ProcedureInfo procedure) {
        Outcome outcome;
        @SuppressWarnings("unchecked")
        Bean<Object> bean = (Bean<Object>) procedure.bean();
        CreationalContext<Object> creational = beans.createCreationalContext(bean);
        try {
            Procedure instance = (Procedure) beans.getReference(bean, Procedure.class, creational);
            instance.run(context);
            outcome = Outcome.SUCCESS;
        } catch (Warning w) {
            context.append("WARNING " + w.getMessage() + "\n");
            outcome = Outcome.WARNING;
        } catch (Exception | LinkageError | AssertionError e) {
            context.append(RunContext.trace(e));
            if (active) {
                LOG.warning("Disabled " + context.taskLabel() + " after exception " + e);
                outcome = Outcome.FAILED;
            } else {
                // The server is stopping the application around the procedure: not the procedure's fault.
                outcome = Outcome.INTERRUPTED;
            }
        } finally {
            creational.release();
        }
        record(context, outcome);
    }

    private void record(RunContext context, Outcome outcome) {
        Instant end = now();
        try {
            finish(context, outcome, end);
        } finally {
            running.remove(context.taskId());
            slots.release();
        }
        Duration took = Duration.between(context.start(), end);
        metrics.ended(context.procedure(), outcome.name(), took);
        LOG.info("Run " + context.runId() + " of " + context.taskLabel() + " on " + settings.node() + " ended: "
                + outcome + " in " + took.toMillis() + " ms.");
        finished.fire(new RunFinished(context.taskId(), context.runId(), context.taskName(), outcome));
        wake();
    }

    /** Retries on a version conflict: a user's change made during the run wins and the end is still written. */
    private void finish(RunContext context, Outcome outcome, Instant end) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < FINISH_ATTEMPTS; attempt++) {
            try {
                runs.finish(context.runId(), outcome, context.captured(), end, settings.zone(),
                        settings.daemonUser());
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.log(Level.FINE, "Recording the end of " + context.taskLabel() + " conflicted; retrying", e);
            }
        }
        metrics.databaseError();
        LOG.log(Level.SEVERE, "Could not record the end of " + context.taskLabel(), last);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * What {@code linod --list} printed: "N scheduled jobs:" and one line per task with its last and next run,
     * or "This site does not use linod.".
     */
    public String listing() {
        if (!settings.useLinod()) {
            return "This site does not use linod.\n";
        }
        List<SystemTask> all = tasks.all();
        StringBuilder out = new StringBuilder().append(all.size()).append(" scheduled jobs:\n");
        for (SystemTask t : all) {
            out.append('[').append(t.getSeqno()).append("] ").append(t.getRecurrence().whenText())
                    .append(" do ").append(t.getProcedure()).append("() (last run: ").append(show(t.getLastStartTime()))
                    .append(", next run: ").append(t.isRunning() ? "[running]"
                            : t.isDisabled() ? "[disabled]" : show(t.getNextRunTime()))
                    .append(")\n");
        }
        return out.toString();
    }

    private String show(Instant instant) {
        return instant == null ? "[never]"
                : java.time.ZonedDateTime.ofInstant(instant, settings.zone()).toLocalDateTime().toString();
    }

    /** This node's name, as written in the runs it makes. */
    public String node() {
        return settings.node();
    }

    /** Whether this node runs tasks at all. */
    public boolean isActive() {
        return active;
    }

    /** When the daemon looks at the tasks next, if it is active. */
    public Optional<Instant> nextWakeUp() {
        return active ? Optional.ofNullable(nextWakeUp) : Optional.empty();
    }

    /** The runs going on at this node, with their progress. */
    public List<RunningRun> running() {
        List<RunningRun> list = new ArrayList<>();
        running.values().forEach(r -> list.add(new RunningRun(r.taskId(), r.runId(), r.taskName(), r.percent(),
                r.progressText())));
        return list;
    }

    /** A run going on at this node. */
    public record RunningRun(long taskId, long runId, String taskName, int percent, String progressText) {
    }
}
