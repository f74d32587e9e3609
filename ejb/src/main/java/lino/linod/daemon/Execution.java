package lino.linod.daemon;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import lino.linod.ops.Metrics;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureInfo;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.procedure.Warning;
import lino.linod.run.Outcome;
import lino.linod.run.Run;
import lino.linod.run.Runs;
import lino.linod.site.ConfiguredDataSource;
import lino.linod.site.Settings;
import lino.linod.task.MisfirePolicy;
import lino.linod.task.OverlapPolicy;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;

/**
 * Claim → run → record: takes the due tasks that this node has slots for, runs their procedures on the managed
 * executor and records their ends. Every {@code Throwable} of a procedure is caught and recorded, and its slot is
 * released in all cases. An end that cannot be recorded (the database is away) is kept here and recorded when it
 * can be; linod's own bookkeeping never fails a procedure.
 */
final class Execution {

    private static final Logger LOG = Daemon.LOG;
    private static final int CONFLICT_ATTEMPTS = 10;

    private final Settings settings;
    /** Checks a typed procedure's parameters when it asks for them. */
    private final jakarta.validation.Validator validator;
    private final ProcedureRegistry registry;
    private final BeanManager beans;
    private final SystemTasks tasks;
    private final Runs runs;
    private final Metrics metrics;
    private final Event<RunFinished> finished;
    private final ExecutorService workers;
    private final Supplier<Instant> clock;
    private final Outage outage;
    private final Runnable wake;
    private final IntSupplier liveNodes;
    /** At the last look this node left due tasks to the other nodes (its fair share was smaller than the list). */
    private volatile boolean leftForOthers;
    /** Run slots: {@link #claimable} of them, each taken from the claim until the run's end is written. */
    private final Semaphore slots;
    private final int capacity;
    /** PostgreSQL: claims pass over the rows another node is claiming ({@code SKIP LOCKED}). */
    private final boolean skipLocked = ConfiguredDataSource.isPostgres();
    private final Map<Long, RunContext> running = new ConcurrentHashMap<>();
    private final Queue<Ended> unrecorded = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    /** Due tasks had to wait for a slot at the last look: the daemon looks again when enough slots are free. */
    private volatile boolean backlog;
    /** The last look held a due task back (run_after). */
    private volatile boolean holding;

    /** A run's end not yet in the database. */
    private record Ended(RunContext context, Outcome outcome, Instant end) {
    }

    /** The most run ends written in one transaction. */
    private static final int ENDS_PER_TRANSACTION = 50;
    /** Tells the pages that runs started or made progress (coalesced by {@link Notices}). */
    private final Runnable noticed;
    /** Ends waiting to be written. */
    private final Queue<Ended> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    Execution(Settings settings, ProcedureRegistry registry, BeanManager beans, SystemTasks tasks, Runs runs,
            Metrics metrics, Event<RunFinished> finished, ExecutorService workers, Supplier<Instant> clock,
            Outage outage, Runnable wake, IntSupplier liveNodes, Runnable noticed,
            jakarta.validation.Validator validator) {
        this.noticed = noticed;
        this.validator = validator;
        this.settings = settings;
        this.registry = registry;
        this.beans = beans;
        this.tasks = tasks;
        this.runs = runs;
        this.metrics = metrics;
        this.finished = finished;
        this.workers = workers;
        this.clock = clock;
        this.outage = outage;
        this.wake = wake;
        this.liveNodes = liveNodes;
        this.capacity = claimable(settings.executorSize());
        this.slots = new Semaphore(capacity);
        metrics.countRunningWith(() -> (int) running.values().stream().filter(RunContext::hasBegun).count());
    }

    /**
     * The threads that run procedures: {@code size} threads of the server's managed thread factory, so each has the
     * application's context (class loader, naming, security) for its whole life, kept while busy and let go after a
     * minute idle. A managed executor would capture and set up that context again for every run, which cost more
     * than a short run itself.
     */
    static ExecutorService workers(ManagedThreadFactory threads, int size) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = threads.newThread(r);
                    t.setName("linod-run-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * How many runs a node holds at once: those its threads run, and up to 100 claimed ahead, which wait in the
     * workers' queue and start the moment a thread is free, while the next claim and the writing of ends go on
     * (measured: 50 ahead gave 2,300 executions/s, 100 ahead 3,200). A run's slot is freed when its end is written.
     */
    static int claimable(int executorSize) {
        return executorSize + 100;
    }

    /** Whether every run slot is taken: then the daemon waits for a run to end instead of reading due tasks. */
    boolean saturated() {
        return slots.availablePermits() == 0;
    }

    /** Whether the last look left due tasks to the other nodes. */
    boolean leftForOthers() {
        return leftForOthers;
    }

    /** How many more runs this node can start now. */
    int freeSlots() {
        return slots.availablePermits();
    }

    /**
     * Claims, in one transaction, those of the due tasks this node has slots for, and starts them; returns whether
     * some due task had to wait for a slot. Database failures are thrown to the loop.
     */
    boolean start(List<SystemTask> due, Instant now) {
        List<SystemTask> candidates = new ArrayList<>();
        Map<Long, ProcedureInfo> procedures = new HashMap<>();
        for (SystemTask task : due) {
            Optional<ProcedureInfo> procedure = registry.find(task.getProcedure());
            if (procedure.isEmpty()) {
                tasks.unschedule(task.getId());
                continue;
            }
            if (missed(task, now)) {
                // Misfire policy SKIP: this slot was missed; the task waits for its next one.
                if (tasks.skipMissed(task.getId(), task.getNextRunTime(), settings.daemonUser(), now,
                        settings.zone())) {
                    LOG.info(task.label() + ": skipped the run due at " + task.getNextRunTime()
                            + " (misfire policy SKIP).");
                }
                continue;
            }
            candidates.add(task);
            procedures.put(task.getId(), procedure.get());
        }
        // run_after: a task waits while a task of a procedure it runs after is due or running.
        Set<Long> held = heldBack(candidates, procedures);
        candidates.removeIf(t -> held.contains(t.getId()));
        holding = !held.isEmpty();
        // Several nodes share what is due: each claims its share (at least one), the others find the rest. Every
        // candidate may be claimed (another node may hold the first ones), up to the free slots.
        int live = Math.max(1, liveNodes.getAsInt());
        int share = Math.max(1, (candidates.size() + live - 1) / live);
        int free = slots.availablePermits();
        int wanted = Math.min(Math.min(free, share), candidates.size());
        List<Run> claimed = List.of();
        if (wanted > 0 && slots.tryAcquire(wanted)) {
            try {
                claimed = runs.claimAll(candidates, wanted, now, settings.node(), settings.daemonUser(), skipLocked);
            } catch (RuntimeException e) {
                slots.release(wanted);
                throw e;
            }
            slots.release(wanted - claimed.size());
            if (!claimed.isEmpty()) {
                noticed.run();
            }
        }
        int lost = wanted - claimed.size();
        if (lost > 0) {
            for (int i = 0; i < lost; i++) {
                metrics.claimLost();
            }
            LOG.fine(lost + " of " + wanted + " due tasks were claimed elsewhere or changed; looking again.");
        }
        // Waiting for a slot: due tasks are left and every slot is taken (a run's end wakes the daemon then).
        boolean waiting = candidates.size() > claimed.size() && slots.availablePermits() == 0;
        if (waiting) {
            LOG.fine("All " + capacity + " run slots busy; " + (candidates.size() - claimed.size())
                    + " due tasks wait.");
        }
        metrics.waiting(waiting ? candidates.size() - claimed.size() : 0);
        backlog = waiting;
        // Left to the other nodes, or lost to them: look again shortly for what nobody took.
        leftForOthers = !waiting && candidates.size() > claimed.size();
        Map<Long, SystemTask> byId = new HashMap<>();
        candidates.forEach(t -> byId.put(t.getId(), t));
        for (Run run : claimed) {
            launch(byId.get(run.getTaskId()), run, procedures.get(run.getTaskId()), now);
        }
        return waiting;
    }

    /**
     * Takes a slot for a Run now that starts on this node without a look; false when none is free or linod stops
     * (then the request waits for a look here or on another node).
     */
    boolean reserve() {
        return !stopping && slots.tryAcquire();
    }

    /** Gives back a slot taken by {@link #reserve} whose claim did not commit. */
    void unreserve() {
        slots.release();
    }

    /** Starts a run that a Run now claimed on this node (its slot {@linkplain #reserve reserved}), now. */
    void startClaimed(SystemTask task, Run run, ProcedureInfo procedure, Instant now) {
        noticed.run();
        launch(task, run, procedure, now, now);
    }

    /**
     * The due tasks that wait for another procedure's task (their procedure's {@code runAfter}): one of those is
     * due as well, or running (on any node).
     */
    private Set<Long> heldBack(List<SystemTask> candidates, Map<Long, ProcedureInfo> procedures) {
        Set<Long> held = new java.util.HashSet<>();
        Set<String> due = new java.util.HashSet<>();
        candidates.forEach(t -> due.add(t.getProcedure()));
        for (SystemTask t : candidates) {
            List<String> first = procedures.get(t.getId()).runAfter();
            if (!first.isEmpty() && (first.stream().anyMatch(due::contains) || tasks.anyRunning(first))) {
                LOG.fine(t.label() + " waits: it runs after " + first + ".");
                held.add(t.getId());
            }
        }
        return held;
    }

    /** Whether the last look held a due task back for run_after (the daemon then looks again within a second). */
    boolean holding() {
        return holding;
    }

    /** Whether the daemon comes to a task's slot too late for it to run, by the task's misfire policy. */
    private static boolean missed(SystemTask task, Instant now) {
        return task.getRequestedAt() == null && task.getMisfirePolicy() == MisfirePolicy.SKIP
                && task.getNextRunTime() != null
                && task.getNextRunTime().isBefore(now.minusSeconds(MisfirePolicy.THRESHOLD_SECONDS));
    }

    private void launch(SystemTask task, Run run, ProcedureInfo procedure, Instant now) {
        launch(task, run, procedure, now, task.getRequestedAt() != null ? task.getRequestedAt()
                : task.getNextRunTime());
    }

    private void launch(SystemTask task, Run run, ProcedureInfo procedure, Instant now, Instant due) {
        LOG.fine("Run " + run.getId() + " of " + task.label() + " started on " + settings.node()
                + " with logging level " + task.getLogLevel() + ".");
        RunContext context = new RunContext(task, run.getId(), procedure.name(), now, settings.daemonUser(), runs,
                noticed, replaceAt(task, now), procedure.parameters(), validator);
        running.put(task.getId(), context);
        try {
            context.future = workers.submit(() -> execute(context, procedure, due));
        } catch (RuntimeException e) {
            // Not the procedure's fault: the task is due again.
            context.append("Could not start: " + e + "\n");
            ended(context, Outcome.INTERRUPTED);
        }
    }

    /** The task's next slot after this run's start, when its overlap policy replaces the run then. */
    private Instant replaceAt(SystemTask task, Instant start) {
        if (task.getOverlapPolicy() != OverlapPolicy.REPLACE) {
            return null;
        }
        return task.getRecurrence().schedule(settings.zone()).nextRun(start, start, task.getRunsCount() + 1)
                .orElse(null);
    }

    /** Whether runs go on (or wait for a thread) on this node. */
    boolean hasRunning() {
        return !running.isEmpty();
    }

    /**
     * Stop run: the runs of this node that someone asked to stop (read from the database by the daemon), each
     * with who asked. Their procedures are asked to stop now, and interrupted after the grace period.
     */
    void stopRequested(Map<Long, String> byRun, Instant now) {
        for (RunContext run : running.values()) {
            String by = byRun.get(run.runId());
            if (by != null && run.askStop(by, now)) {
                LOG.info("Run " + run.runId() + " of " + run.taskLabel() + ": " + by + " asked it to stop.");
            }
        }
    }

    /**
     * Looks after this node's runs: asks those to stop that went on for their timeout or whose task's next slot
     * replaces them (written to the run in the database, so that its end is not retried), and interrupts those
     * asked longer than the grace period ago: they are recorded as interrupted, with who stopped them. Returns
     * the earliest instant at which a run needs looking after again.
     */
    Optional<Instant> police(Instant now) {
        Instant next = null;
        Duration grace = settings.gracePeriod();
        for (RunContext run : List.copyOf(running.values())) {
            if (run.stopBy() == null) {
                String by = null;
                if (run.hasBegun() && !now.isBefore(run.timeoutAt())) {
                    by = Run.TIMEOUT;
                } else if (run.replaceAt() != null && !now.isBefore(run.replaceAt())) {
                    by = Run.NEXT_RUN;
                }
                if (by != null && run.askStop(by, now)) {
                    LOG.warning("Run " + run.runId() + " of " + run.taskLabel() + ": " + stopText(run)
                            + " Asked to stop.");
                    try {
                        runs.requestStopOfRun(run.runId(), by, now);
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "Could not write the stop of run " + run.runId(), e);
                    }
                }
            }
            Instant stopAt = run.stopAt();
            if (stopAt != null) {
                Instant cutAt = stopAt.plus(grace);
                if (!now.isBefore(cutAt)) {
                    interrupt(run, now);
                } else {
                    next = earliest(next, cutAt);
                }
            } else {
                next = earliest(next, run.hasBegun() ? run.timeoutAt() : null);
                next = earliest(next, run.replaceAt());
            }
        }
        return Optional.ofNullable(next);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** A run asked to stop did not within the grace period: recorded as interrupted, its thread interrupted. */
    private void interrupt(RunContext run, Instant now) {
        if (!run.claimEnd() || running.remove(run.taskId()) == null) {
            return;
        }
        run.append("\n" + stopText(run) + " Interrupted after the grace period of "
                + settings.gracePeriod().toSeconds() + " s.\n");
        LOG.warning("Run " + run.runId() + " of " + run.taskLabel() + " did not stop within the grace period;"
                + " interrupted.");
        if (run.future != null) {
            run.future.cancel(true);
        }
        metrics.ended(run.procedure(), Outcome.INTERRUPTED.name(), Duration.between(run.start(), now));
        pending.add(new Ended(run, Outcome.INTERRUPTED, now));
        writePending(false);
    }

    /** Why a run was stopped, for its log. */
    static String stopText(RunContext run) {
        String by = run.stopBy();
        if (Run.TIMEOUT.equals(by)) {
            return "Stopped: it went on longer than its timeout of " + said(run.timeout()) + ".";
        }
        if (Run.NEXT_RUN.equals(by)) {
            return "Stopped: the task's next run came (overlap policy REPLACE).";
        }
        return "Stopped by " + by + ".";
    }

    /** A timeout as people say it: "2 hours", "90 seconds", "1 hour 30 minutes". */
    static String said(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        long sec = d.toSecondsPart();
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append(h == 1 ? " hour" : " hours");
        }
        if (m > 0) {
            out.append(out.length() > 0 ? " " : "").append(m).append(m == 1 ? " minute" : " minutes");
        }
        if (sec > 0 || out.length() == 0) {
            out.append(out.length() > 0 ? " " : "").append(sec).append(sec == 1 ? " second" : " seconds");
        }
        return out.toString();
    }

    private void execute(RunContext context, ProcedureInfo procedure, Instant due) {
        if (stopping || !awaitDue(due)) {
            // Claimed ahead, and linod stops before it began: it runs again at once at the next start.
            context.append("Not started: linod stopped on " + settings.node() + ".\n");
            ended(context, Outcome.INTERRUPTED);
            return;
        }
        // The run starts when its procedure does, not when the daemon woke up.
        Instant began = clock.get();
        context.began(began);
        metrics.started(procedure.name(), due == null ? Duration.ZERO : Duration.between(due, began));
        Outcome outcome = Outcome.INTERRUPTED;
        try {
            @SuppressWarnings("unchecked")
            Bean<Object> bean = (Bean<Object>) procedure.bean();
            CreationalContext<Object> creational = beans.createCreationalContext(bean);
            try {
                Procedure instance = (Procedure) beans.getReference(bean, Procedure.class, creational);
                instance.run(context);
                // A procedure that saw linod stopping and returned was cut short: it runs again.
                outcome = (stopping || context.stopBy() != null) && context.stoppedEarly() ? Outcome.INTERRUPTED
                        : Outcome.SUCCESS;
            } finally {
                creational.release();
            }
        } catch (Warning w) {
            context.append("WARNING " + w.getMessage() + "\n");
            // A procedure that ends with a warning because it was asked to stop was stopped.
            outcome = context.stopBy() != null && context.stoppedEarly() ? Outcome.INTERRUPTED : Outcome.WARNING;
        } catch (Throwable e) {
            context.append(RunContext.trace(e));
            if (!stopping && context.stopBy() == null) {
                LOG.warning("Disabled " + context.taskLabel() + " after exception " + e);
                outcome = Outcome.FAILED;
            }
            // While stopping, the server takes the application away around the procedure: not its fault; nor is
            // what a procedure asked to stop throws (an InterruptedException, say).
        } finally {
            if (outcome == Outcome.INTERRUPTED && context.stopBy() != null) {
                context.append(stopText(context) + "\n");
            }
            ended(context, outcome);
        }
    }

    /** Claimed a little ahead ({@link Daemon#LEAD}): waits for the due instant; false if interrupted meanwhile. */
    private boolean awaitDue(Instant due) {
        long early = due == null ? 0 : Duration.between(clock.get(), due).toMillis();
        if (early > 0) {
            try {
                Thread.sleep(Math.min(early, Daemon.LEAD.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * A run has ended: its end joins those waiting to be written, and the thread goes on to the next run. The end
     * is written with those of the runs that end meanwhile, in one transaction, by whichever thread finds the
     * writing free (group commit); the run's slot is freed once it is written (or kept for later).
     */
    private void ended(RunContext context, Outcome outcome) {
        if (!context.claimEnd()) {
            return;
        }
        Instant end = clock.get();
        running.remove(context.taskId());
        Duration took = Duration.between(context.start(), end);
        metrics.ended(context.procedure(), outcome.name(), took);
        LOG.info("Run " + context.runId() + " of " + context.taskLabel() + " on " + settings.node() + " ended: "
                + outcome + " in " + took.toMillis() + " ms.");
        pending.add(new Ended(context, outcome, end));
        writePending(false);
    }

    /**
     * Writes the ends waiting, in batches, unless another thread is writing (it takes this one's too); with
     * {@code wait}, waits for that thread and writes what is left.
     */
    private void writePending(boolean wait) {
        while (!pending.isEmpty()) {
            if (wait) {
                writing.lock();
            } else if (!writing.tryLock()) {
                // The writer checks the queue again after it lets go: nothing stays behind.
                return;
            }
            try {
                for (List<Ended> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
                    write(batch);
                    written(batch);
                }
            } finally {
                writing.unlock();
            }
        }
    }

    private List<Ended> nextBatch() {
        List<Ended> batch = new ArrayList<>();
        for (Ended e = pending.poll(); e != null; e = batch.size() < ENDS_PER_TRANSACTION ? pending.poll() : null) {
            batch.add(e);
        }
        return batch;
    }

    /** Written (or kept for later): free the slots, tell the observers and the daemon. */
    private void written(List<Ended> batch) {
        slots.release(batch.size());
        for (Ended e : batch) {
            try {
                finished.fire(new RunFinished(e.context().taskId(), e.context().runId(), e.context().taskName(),
                        e.outcome()));
            } catch (RuntimeException x) {
                LOG.log(Level.FINE, "An observer of RunFinished failed", x);
            }
        }
        // With due tasks waiting, the daemon looks again once half the slots are free, and claims them in one
        // transaction, rather than one slot at a time after each end; without, it looks at once (the task that
        // ended may be due again soon).
        if (!backlog || slots.availablePermits() >= Math.max(1, capacity / 2)) {
            wake.run();
        }
    }

    private void write(List<Ended> batch) {
        if (batch.size() > 1) {
            List<Runs.End> ends = batch.stream().map(p -> new Runs.End(p.context().runId(), p.outcome(),
                    p.context().captured(), p.context().start(), p.end())).toList();
            try {
                List<Boolean> written = runs.finishAll(ends, settings.zone(), settings.daemonUser());
                outage.succeeded();
                for (int i = 0; i < batch.size(); i++) {
                    if (!written.get(i)) {
                        notRecorded(batch.get(i));
                    }
                }
                return;
            } catch (RuntimeException e) {
                // A user's change to one of the tasks, or the database away: each on its own, with retries.
                LOG.log(Level.FINE, "Recording " + batch.size() + " run ends at once failed; one by one now", e);
            }
        }
        for (Ended e : batch) {
            record(e);
        }
    }

    private static void notRecorded(Ended ended) {
        LOG.warning("The end of run " + ended.context().runId() + " of " + ended.context().taskLabel() + " ("
                + ended.outcome() + ") was not recorded: another node had closed the run already"
                + " (this node was taken for dead).");
    }

    /**
     * Writes a run's end. A version conflict (a user changed the task during the run) is retried at once on fresh
     * data, so the user's change is kept; any other failure keeps the end for {@link #recordUnrecorded}.
     */
    private boolean record(Ended ended) {
        for (int attempt = 1; ; attempt++) {
            try {
                boolean written = runs.finish(ended.context().runId(), ended.outcome(), ended.context().captured(),
                        ended.context().start(), ended.end(), settings.zone(), settings.daemonUser());
                if (!written) {
                    notRecorded(ended);
                }
                outage.succeeded();
                return true;
            } catch (RuntimeException e) {
                if (conflict(e) && attempt < CONFLICT_ATTEMPTS) {
                    LOG.log(Level.FINE, "Recording the end of " + ended.context().taskLabel()
                            + " conflicted with a change; retrying", e);
                    continue;
                }
                metrics.databaseError();
                outage.failed("recording the end of run " + ended.context().runId(), e);
                unrecorded.add(ended);
                return false;
            }
        }
    }

    /** Records the ends kept while the database was away; false if it still is. */
    boolean recordUnrecorded() {
        for (Ended ended = unrecorded.peek(); ended != null; ended = unrecorded.peek()) {
            unrecorded.remove(ended);
            if (!record(ended)) {
                // record() put it back at the end; try again later.
                return false;
            }
        }
        return true;
    }

    static boolean conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getSimpleName().contains("OptimisticLock")) {
                return true;
            }
        }
        return false;
    }

    /** Asks every running procedure to stop; their ends count as interrupted, not failed. */
    void cancelAll() {
        stopping = true;
        running.values().forEach(RunContext::cancel);
    }

    /**
     * Waits until the runs have ended or the deadline (nanoTime) passed; then interrupts what still runs and records
     * it as interrupted, with its log so far. Returns how many were cut off.
     */
    int awaitOrInterrupt(long deadline) {
        for (RunContext run : List.copyOf(running.values())) {
            try {
                if (run.future != null) {
                    run.future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (java.util.concurrent.TimeoutException e) {
                run.future.cancel(true);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                LOG.log(Level.FINE, "Run ended abnormally during shutdown", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int cut = 0;
        for (RunContext run : List.copyOf(running.values())) {
            if (run.claimEnd() && running.remove(run.taskId()) != null) {
                cut++;
                run.append("\nInterrupted: linod stopped on " + settings.node() + ".\n");
                pending.add(new Ended(run, Outcome.INTERRUPTED, clock.get()));
            }
        }
        writePending(true);
        recordUnrecorded();
        return cut;
    }

    int unrecordedCount() {
        return unrecorded.size();
    }

    List<Daemon.RunningRun> running() {
        List<Daemon.RunningRun> list = new ArrayList<>();
        running.values().forEach(r -> list.add(new Daemon.RunningRun(r.taskId(), r.runId(), r.taskName(),
                r.percent(), r.progressText())));
        return list;
    }
}
