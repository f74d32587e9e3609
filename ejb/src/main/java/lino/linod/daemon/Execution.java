package lino.linod.daemon;

import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    private final ProcedureRegistry registry;
    private final BeanManager beans;
    private final SystemTasks tasks;
    private final Runs runs;
    private final Metrics metrics;
    private final Event<RunFinished> finished;
    private final ManagedExecutorService workers;
    private final Supplier<Instant> clock;
    private final Outage outage;
    private final Runnable wake;
    private final IntSupplier liveNodes;
    /** At the last look this node left due tasks to the other nodes (its fair share was smaller than the list). */
    private volatile boolean leftForOthers;
    private final Semaphore slots;
    /** PostgreSQL: claims pass over the rows another node is claiming ({@code SKIP LOCKED}). */
    private final boolean skipLocked = ConfiguredDataSource.isPostgres();
    private final Map<Long, RunContext> running = new ConcurrentHashMap<>();
    private final Queue<Ended> unrecorded = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    /** Due tasks had to wait for a slot at the last look: the daemon looks again when enough slots are free. */
    private volatile boolean backlog;

    /** A run's end not yet in the database. */
    private record Ended(RunContext context, Outcome outcome, Instant end) {
    }

    /** The most run ends written in one transaction. */
    private static final int ENDS_PER_TRANSACTION = 50;
    /** Ends waiting to be written, each with the worker that waits for it. */
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    private record Pending(Ended ended, CompletableFuture<Void> written) {
    }

    Execution(Settings settings, ProcedureRegistry registry, BeanManager beans, SystemTasks tasks, Runs runs,
            Metrics metrics, Event<RunFinished> finished, ManagedExecutorService workers, Supplier<Instant> clock,
            Outage outage, Runnable wake, IntSupplier liveNodes) {
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
        this.slots = new Semaphore(settings.executorSize());
        metrics.countRunningWith(running::size);
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
            candidates.add(task);
            procedures.put(task.getId(), procedure.get());
        }
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
            LOG.fine("All " + settings.executorSize() + " run slots busy; " + (candidates.size() - claimed.size())
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

    private void launch(SystemTask task, Run run, ProcedureInfo procedure, Instant now) {
        Instant due = task.getRequestedAt() != null ? task.getRequestedAt() : task.getNextRunTime();
        LOG.fine("Run " + run.getId() + " of " + task.label() + " started on " + settings.node()
                + " with logging level " + task.getLogLevel() + ".");
        RunContext context = new RunContext(task, run.getId(), procedure.name(), now, settings.daemonUser(), runs);
        running.put(task.getId(), context);
        try {
            context.future = workers.submit(() -> execute(context, procedure, due));
        } catch (RuntimeException e) {
            // Not the procedure's fault: the task is due again.
            context.append("Could not start: " + e + "\n");
            ended(context, Outcome.INTERRUPTED);
        }
    }

    private void execute(RunContext context, ProcedureInfo procedure, Instant due) {
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
                outcome = stopping && context.stoppedEarly() ? Outcome.INTERRUPTED : Outcome.SUCCESS;
            } finally {
                creational.release();
            }
        } catch (Warning w) {
            context.append("WARNING " + w.getMessage() + "\n");
            outcome = Outcome.WARNING;
        } catch (Throwable e) {
            context.append(RunContext.trace(e));
            if (!stopping) {
                LOG.warning("Disabled " + context.taskLabel() + " after exception " + e);
                outcome = Outcome.FAILED;
            }
            // While stopping, the server takes the application away around the procedure: not its fault.
        } finally {
            ended(context, outcome);
        }
    }

    /** A run has ended: record it (or keep it for later), free its slot, tell the daemon. */
    private void ended(RunContext context, Outcome outcome) {
        if (!context.claimEnd()) {
            return;
        }
        Instant end = clock.get();
        try {
            recordTogether(new Ended(context, outcome, end));
        } finally {
            running.remove(context.taskId());
            slots.release();
        }
        Duration took = Duration.between(context.start(), end);
        metrics.ended(context.procedure(), outcome.name(), took);
        LOG.info("Run " + context.runId() + " of " + context.taskLabel() + " on " + settings.node() + " ended: "
                + outcome + " in " + took.toMillis() + " ms.");
        try {
            finished.fire(new RunFinished(context.taskId(), context.runId(), context.taskName(), outcome));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "An observer of RunFinished failed", e);
        }
        // With due tasks waiting, the daemon looks again once half the slots are free, and claims them in one
        // transaction, rather than one slot at a time after each end; without, it looks at once (the task that
        // ended may be due again soon).
        if (!backlog || slots.availablePermits() >= Math.max(1, settings.executorSize() / 2)) {
            wake.run();
        }
    }

    /**
     * Writes a run's end together with those of the runs that end at the same moment: the worker that gets the
     * lock first writes every end waiting, in one transaction; the others find theirs written (group commit).
     * Returns once this end is written or kept for later, like {@link #record}.
     */
    private void recordTogether(Ended ended) {
        Pending mine = new Pending(ended, new CompletableFuture<>());
        pending.add(mine);
        writing.lock();
        try {
            while (!mine.written().isDone()) {
                List<Pending> batch = new ArrayList<>();
                for (Pending p = pending.poll(); p != null; p = batch.size() < ENDS_PER_TRANSACTION
                        ? pending.poll() : null) {
                    batch.add(p);
                }
                write(batch);
            }
        } finally {
            writing.unlock();
        }
    }

    private void write(List<Pending> batch) {
        if (batch.size() > 1) {
            List<Runs.End> ends = batch.stream().map(p -> new Runs.End(p.ended().context().runId(),
                    p.ended().outcome(), p.ended().context().captured(), p.ended().context().start(),
                    p.ended().end())).toList();
            try {
                List<Boolean> written = runs.finishAll(ends, settings.zone(), settings.daemonUser());
                outage.succeeded();
                for (int i = 0; i < batch.size(); i++) {
                    if (!written.get(i)) {
                        notRecorded(batch.get(i).ended());
                    }
                    batch.get(i).written().complete(null);
                }
                return;
            } catch (RuntimeException e) {
                // A user's change to one of the tasks, or the database away: each on its own, with retries.
                LOG.log(Level.FINE, "Recording " + batch.size() + " run ends at once failed; one by one now", e);
            }
        }
        for (Pending p : batch) {
            try {
                record(p.ended());
            } finally {
                p.written().complete(null);
            }
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
                    run.future.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
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
                slots.release();
                cut++;
                run.append("\nInterrupted: linod stopped on " + settings.node() + ".\n");
                record(new Ended(run, Outcome.INTERRUPTED, clock.get()));
            }
        }
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
