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
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import lino.linod.ops.Liveness;
import lino.linod.ops.Metrics;
import lino.linod.procedure.ProcedureInfo;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.recurrence.Recurrence;
import lino.linod.run.Nodes;
import lino.linod.run.Run;
import lino.linod.run.Runs;
import lino.linod.site.Database;
import lino.linod.site.Settings;
import lino.linod.task.SystemTask;
import lino.linod.task.TaskList;
import lino.linod.task.SystemTasks;

/**
 * The Lino daemon's lifecycle and its loop: joins the nodes of the database, creates a system task for each new
 * procedure, then sleeps until the next task is due (or a change wakes it) and hands the due tasks to
 * {@link Execution}. The loop never dies: a failure waits a little (see {@link Outage}) and tries again. Liveness
 * is {@link Heartbeat}'s; changes reach the other nodes through {@link ClusterWake}.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Daemon {

    static final Logger LOG = Logger.getLogger("lino.linod");

    @Resource
    ManagedScheduledExecutorService timer;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ContextService contexts;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "java:app/jdbc/linod")
    DataSource dataSource;

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
    Event<ChangedElsewhere> elsewhere;

    @Inject
    Notices notices;

    @Inject
    WakeUpCall wakeUpCall;

    @Inject
    Metrics metrics;

    @Inject
    jakarta.validation.Validator validator;

    @Inject
    Liveness liveness;

    @EJB
    SystemTasks tasks;

    @EJB
    Runs runs;

    @EJB
    Nodes nodes;

    @EJB
    Database database;

    private final Object lifecycle = new Object();
    private final Object tickLock = new Object();
    private final Object timerLock = new Object();
    private final Outage outage = new Outage(LOG);
    private Execution execution;
    private Heartbeat heartbeat;
    private ClusterWake cluster;
    private SignalStop signals;
    private volatile Instant nextWakeUp;
    private volatile boolean active;
    /** The loop's thread, and its generation: a restart starts a new loop, and the old one ends. */
    private Thread loop;
    private volatile int generation;
    /** A wake-up call came (guarded by {@code timerLock}): the loop looks again at once. */
    private boolean woken;
    private ExecutorService workers;
    /** A Stop run may have been asked (here, or on another node): the daemon reads the requests at its next look. */
    private volatile boolean stopsAsked;
    /** When the daemon last read the stop requests of this node's runs (it does every {@link #STOP_CHECK}). */
    private Instant stopsRead = Instant.MIN;
    /** How often the daemon reads the stop requests while runs go on, also without a notice. */
    static final Duration STOP_CHECK = Duration.ofSeconds(10);

    @PostConstruct
    public void start() {
        synchronized (lifecycle) {
            LOG.setLevel(settings.logLevel());
            if (!settings.useLinod()) {
                LOG.info("This site does not use linod.");
                return;
            }
            heartbeat = new Heartbeat(nodes, settings, timer, this::now, outage, database.embedded(),
                    this::tasksChanged);
            workers = Execution.workers(threads, settings.executorSize());
            notices.useTimer(timer);
            execution = new Execution(settings, registry, beans, tasks, runs, metrics, finished, workers,
                    this::now, outage, this::wake, heartbeat::liveNodes, notices::notice, validator);
            heartbeat.join();
            Instant now = now();
            // Runs left RUNNING under this name by a node without a row (linod 0.1.0 had none).
            for (Run run : runs.closeInterrupted(settings.node(), now, settings.zone(),
                    "\nInterrupted: node " + settings.node() + " stopped during this run.\n")) {
                LOG.warning("Closed run " + run.getId() + " of " + run.getTaskName() + " as interrupted.");
            }
            installIfNeeded(now);
            active = true;
            liveness.running(true);
            int mine = ++generation;
            loop = threads.newThread(() -> loop(mine));
            loop.setName("linod-daemon");
            loop.setDaemon(true);
            loop.start();
            cluster = ClusterWake.start(dataSource, threads, this::changedElsewhere);
            wakeUpCall.answerWith(this::wake);
            heartbeat.start();
            // The signal's thread has no application context (no class loader, no CDI): the stop runs in the
            // context captured here.
            Duration stopTimeout = settings.gracePeriod().plusSeconds(30);
            Runnable stopNow = () -> stopBeforeExit(stopTimeout);
            signals = SignalStop.install(contexts.createContextualProxy(stopNow, Runnable.class));
            LOG.info("Start task runner on " + settings.node() + " with " + registry.procedures().size()
                    + " procedures.");
            wake();
        }
    }

    private void installIfNeeded(Instant now) {
        for (ProcedureInfo p : registry.procedures().values()) {
            tasks.installIfNeeded(p.name(), p.suggested(), settings.daemonUser(), now, settings.zone())
                    .forEach(t -> LOG.info("Created " + t.label() + "."));
        }
        for (SystemTask t : tasks.unresolved(registry.procedures().keySet())) {
            LOG.warning(t.label() + ": procedure " + t.getProcedure() + " is not registered; it will not run.");
            tasks.unschedule(t.getId());
        }
    }

    /** SIGTERM or Ctrl-C: stop on linod's own timer thread (it has the application's context), then let go. */
    private void stopBeforeExit(Duration timeout) {
        try {
            timer.submit(this::stop).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Stopping linod before the JVM ends failed", e);
        }
    }

    /**
     * Stops claiming, asks running procedures to stop, waits for them up to the grace period, records what still
     * runs as interrupted, leaves the nodes and logs "Done". Called at the JVM's SIGTERM (before the server takes
     * its services down) and when the application stops; the second call does nothing.
     */
    @PreDestroy
    public void stop() {
        synchronized (lifecycle) {
            if (!active) {
                return;
            }
            active = false;
            liveness.running(false);
            wakeUpCall.answerWith(null);
            synchronized (timerLock) {
                timerLock.notifyAll();
            }
            cluster.stop();
            try {
                // A look going on may still claim tasks: they are asked to stop with the others.
                loop.join(Outage.MAX_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            execution.cancelAll();
            int cut = execution.awaitOrInterrupt(System.nanoTime() + settings.gracePeriod().toNanos());
            workers.shutdownNow();
            try {
                heartbeat.leave();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remove node " + settings.node() + " from the database", e);
            }
            if (signals != null) {
                signals.remove();
            }
            int lost = execution.unrecordedCount();
            LOG.info("Done" + (cut > 0 ? " (" + cut + " runs interrupted)" : "")
                    + (lost > 0 ? "; " + lost + " run ends could not be recorded: the next start or another node"
                    + " closes them" : "") + ".");
        }
    }

    /** Stops and starts again, as a server restart would: used by operators and by the container tests. */
    public void restart() {
        stop();
        start();
    }

    /**
     * Lino's Run now, as the pages and the API call it: requests the run and, when this node runs tasks and has a
     * free slot, claims it in the same transaction and starts it the moment that commits, with no look and no
     * claim of the daemon in between. Otherwise (linod off on this node, every slot busy, the task running or its
     * procedure not registered here) the request waits for a look, here or on another node, as in Lino. Returns
     * the message for the user; empty when there is no such task.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<String> runNow(long id, String user) {
        Instant now = now();
        Optional<String> message = tasks.requestRun(id, user, now, settings.zone());
        Execution e = execution;
        if (message.isEmpty() || !active || e == null) {
            return message;
        }
        // The task as requestRun locked it: the same instance, in this transaction.
        SystemTask task = tasks.find(id).orElseThrow();
        Optional<ProcedureInfo> procedure = registry.find(task.getProcedure());
        if (procedure.isEmpty() || !procedure.get().runAfter().isEmpty() || task.isRunning() || !e.reserve()) {
            // (A procedure that runs after others: the daemon's look decides when.)
            return message;
        }
        Optional<Run> run;
        try {
            run = runs.claimRequested(id, now, settings.node(), settings.daemonUser());
        } catch (RuntimeException x) {
            e.unreserve();
            throw x;
        }
        if (run.isEmpty()) {
            e.unreserve();
            return message;
        }
        afterCompletion(() -> e.startClaimed(task, run.get(), procedure.get(), now), e::unreserve);
        return message;
    }

    /** Runs {@code committed} when the caller's transaction has committed, {@code otherwise} when it has not. */
    private void afterCompletion(Runnable committed, Runnable otherwise) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing: what follows needs the commit.
            }

            @Override
            public void afterCompletion(int status) {
                (status == Status.STATUS_COMMITTED ? committed : otherwise).run();
            }
        });
    }

    /**
     * Stop run, as the pages and the API call it: asks the task's running run to stop (wherever it runs); the
     * node that runs it asks its procedure to stop, and interrupts it after the grace period. Empty when there is
     * no such task.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<Runs.StopAnswer> stopRun(long id, String user) {
        Optional<Runs.StopAnswer> answer = runs.requestStop(id, user, now());
        if (answer.isPresent() && answer.get().asked()) {
            // The daemon reads the request once it is committed.
            afterCompletion(() -> {
                stopsAsked = true;
                wake();
            }, () -> { });
        }
        return answer;
    }

    /** Another node told that tasks changed: look now, and tell the pages here. */
    private void changedElsewhere() {
        stopsAsked = true;
        wake();
        try {
            elsewhere.fire(new ChangedElsewhere());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "An observer of ChangedElsewhere failed", e);
        }
    }

    /** Looks at the tasks now: called when a task was changed or requested, and when a run ended. */
    public void wake() {
        synchronized (timerLock) {
            if (!active) {
                return;
            }
            woken = true;
            nextWakeUp = now();
            timerLock.notifyAll();
        }
    }

    /**
     * Tasks changed here by a take-over: this node and the others look at once. (A user's change tells the other
     * nodes inside its own transaction, see {@code SystemTasks}, and wakes this one through {@link WakeUpCall}.)
     */
    private void tasksChanged() {
        wake();
        ClusterWake c = cluster;
        if (c != null && active) {
            // On a thread of its own: this runs when a user's transaction completes, and a connection taken from
            // the pool inside that callback was handed back twice on WildFly (and broke the pool).
            timer.execute(c::tellNodes);
        }
    }

    /**
     * The daemon's loop, on a thread of its own (from the server's managed thread factory, so it has the
     * application's context): looks, then waits until the next due instant or a wake-up call. One thread for the
     * node's life, not a timer task per wake-up: each task handed to a managed executor has the server capture
     * the application's context again, which cost more than the look itself under load.
     */
    private void loop(int mine) {
        while (true) {
            Duration delay;
            try {
                delay = tick(mine);
            } catch (Throwable e) {
                LOG.log(Level.SEVERE, "The task runner's loop failed; it goes on", e);
                delay = Outage.MAX_WAIT;
            }
            synchronized (timerLock) {
                if (!active || generation != mine) {
                    return;
                }
                long until = System.nanoTime() + delay.toNanos();
                if (!woken) {
                    nextWakeUp = now().plus(delay);
                }
                try {
                    for (long left = delay.toNanos(); !woken && left > 0 && active && generation == mine;
                            left = until - System.nanoTime()) {
                        TimeUnit.NANOSECONDS.timedWait(timerLock, left);
                    }
                } catch (InterruptedException e) {
                    LOG.fine("The task runner's loop was interrupted; it ends.");
                    return;
                }
                woken = false;
            }
        }
    }

    /** How long a node that left due tasks to the others waits before it looks at them again. */
    static final Duration YIELD = Duration.ofMillis(50);

    /** How long the daemon waits, at most, when a due task waits for another procedure's run (run_after). */
    static final Duration HOLD = Duration.ofSeconds(1);

    /**
     * How much ahead of a due instant the daemon wakes and claims: a task due that soon is claimed at once and its
     * run waits on its thread until the instant (see {@link Execution}), so the look and the claim are done when
     * it comes and the procedure starts on time, not a look and a claim late.
     */
    static final Duration LEAD = Duration.ofMillis(20);

    /** One look: starts what is due and returns how long to wait until the next due instant. Never throws. */
    private Duration tick(int mine) {
        Duration delay = settings.maxSleep();
        synchronized (tickLock) {
            if (!active || generation != mine) {
                return delay;
            }
            liveness.ticked();
            try {
                if (!outage.answers()) {
                    delay = outage.failed("the task runner's loop", new IllegalStateException("no answer"));
                } else if (!execution.recordUnrecorded()) {
                    delay = Outage.MAX_WAIT;
                } else {
                    Optional<Instant> watch = police();
                    if (execution.saturated()) {
                        // Every slot is taken: the end of a run wakes the daemon; no reading of due tasks meanwhile.
                        delay = settings.maxSleep();
                    } else {
                        // A few more than the free slots: some may be taken by another node meanwhile.
                        SystemTasks.Look look = tasks.look(now().plus(LEAD), execution.freeSlots() * 2 + 8);
                        boolean waiting = execution.start(look.due(), now());
                        outage.succeeded();
                        if (!waiting) {
                            Instant now = now();
                            Optional<Instant> next = look.due().isEmpty() ? look.next() : tasks.nextWakeUp();
                            if (next.isPresent()) {
                                Duration until = Duration.between(now, next.get()).minus(LEAD);
                                delay = until.isNegative() ? Duration.ZERO
                                        : until.compareTo(delay) < 0 ? until : delay;
                            }
                            if (execution.holding() && delay.compareTo(HOLD) < 0) {
                                // A task waits for another's run (run_after): its end wakes this node; a run on
                                // another node is looked for every second.
                                delay = HOLD;
                            }
                            if (execution.leftForOthers() && delay.compareTo(YIELD) < 0) {
                                // Due tasks left to the other nodes: give them a moment before taking them here.
                                delay = YIELD;
                            }
                        }
                    }
                    if (watch.isPresent()) {
                        Duration until = Duration.between(now(), watch.get());
                        delay = until.isNegative() ? Duration.ZERO : until.compareTo(delay) < 0 ? until : delay;
                    }
                }
            } catch (Throwable e) {
                metrics.databaseError();
                delay = outage.failed("the task runner's loop", e);
            }
        }
        return delay;
    }

    /**
     * This node's runs: reads the stop requests when one may have come (or every {@link #STOP_CHECK} while runs go
     * on), then lets {@link Execution#police} ask and interrupt. Returns when to look after the runs again.
     */
    private Optional<Instant> police() {
        if (!execution.hasRunning()) {
            stopsAsked = false;
            return Optional.empty();
        }
        Instant now = now();
        if (stopsAsked || !now.isBefore(stopsRead.plus(STOP_CHECK))) {
            stopsAsked = false;
            stopsRead = now;
            execution.stopRequested(runs.stopRequests(settings.node()), now);
        }
        Instant check = stopsRead.plus(STOP_CHECK);
        return Optional.of(execution.police(now).filter(n -> n.isBefore(check)).orElse(check));
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
            return Listing.of(null, 0, settings.zone());
        }
        TaskList.Page first = tasks.list(TaskList.all(), 0, Listing.MOST);
        return Listing.of(first.tasks(), first.total(), settings.zone());
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
        Execution e = execution;
        return e == null ? List.of() : e.running();
    }

    /** A run going on at this node. */
    public record RunningRun(long taskId, long runId, String taskName, int percent, String progressText) {
    }
}
