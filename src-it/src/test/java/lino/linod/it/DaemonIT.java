package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import lino.linod.daemon.Daemon;
import lino.linod.daemon.RunFinished;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Unit;
import lino.linod.run.Outcome;
import lino.linod.run.Run;
import lino.linod.run.Runs;
import lino.linod.task.LogLevel;
import lino.linod.task.MisfirePolicy;
import lino.linod.task.OverlapPolicy;
import lino.linod.task.Policies;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;
import lino.linod.task.TaskChange;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daemon end to end on Payara Micro: procedures found, tasks created, runs recorded, Run now, Cancel request,
 * outcomes, log levels, parallel runs without overlap, unresolved procedures and crash recovery.
 * At deployment every task that never ran is due ("Scheduled to run asap"), so each test first waits for that run.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment
    static WebArchive deployment() {
        return Deployments.linodWithoutDemo("linod-daemon-it", "grace_period=PT2S\nzone=UTC\n")
                .addClasses(DaemonIT.class, Gate.class, TestProcedures.class, TestProcedures.Often.class,
                        TestProcedures.Daily.class, TestProcedures.Weekly.class, TestProcedures.Fails.class,
                        TestProcedures.Warns.class, TestProcedures.Level.class, TestProcedures.Slow.class,
                        TestProcedures.Polite.class, TestProcedures.Stubborn.class, TestProcedures.First.class,
                        TestProcedures.After.class);
    }

    @Inject
    Daemon daemon;

    @Inject
    SystemTasks tasks;

    @Inject
    Runs runs;

    @Inject
    RunProbe probe;

    @Inject
    Gate gate;

    private SystemTask task(String procedure) {
        List<SystemTask> found = tasks.ofProcedure(procedure);
        assertEquals(1, found.size(), "tasks of " + procedure);
        return found.get(0);
    }

    @Test
    @Order(1)
    void createsOneTaskPerProcedureWithItsSuggestedRecurrence() {
        SystemTask weekly = task("it_weekly");
        assertEquals("every=1, every_unit=weekly, saturday=True, start_time=04:00",
                weekly.getRecurrence().suggestedText());
        assertEquals(LogLevel.INFO, weekly.getLogLevel());
        SystemTask often = task("it_often");
        assertEquals("every=10, every_unit=secondly", often.getRecurrence().suggestedText());
        assertEquals(LogLevel.WARNING, often.getLogLevel(), "secondly procedures log at WARNING");
        assertEquals("every=1, every_unit=daily", task("it_daily").getRecurrence().suggestedText());
        assertEquals(1, tasks.ofProcedure("clear_too_old_job_history").size(), "the built-in procedure has a task");
        assertTrue(tasks.ofProcedure("checkdata").isEmpty(), "the demo procedures are not part of the library");
        // The weekly task is anchored: its first run is Saturday 10 January 2026 at 04:00 (UTC here).
        assertEquals("2026-01-10T04:00:00Z", String.valueOf(weekly.getNextRunTime()));
    }

    @Test
    @Order(2)
    void dueTasksRunAndLeaveHistoryRows() throws Exception {
        probe.await("it_often", 1, WAIT);
        long before = probe.count("it_often");
        TestClock.advance(Duration.ofSeconds(10));
        daemon.wake();
        RunFinished next = probe.await("it_often", (int) before + 1, WAIT);
        assertEquals(Outcome.SUCCESS, next.outcome());
        SystemTask often = tasks.find(next.taskId()).orElseThrow();
        List<Run> history = runs.ofTask(often.getId(), 0, 10);
        assertTrue(history.size() >= 2, "history rows: " + history.size());
        assertEquals(next.runId(), history.get(0).getId(), "newest first");
        assertEquals(Outcome.SUCCESS, history.get(0).getOutcome());
        assertEquals(100, history.get(0).getProgress());
        assertTrue(history.get(0).getLog().contains("often ran as linod"), history.get(0).getLog());
        assertEquals(often.getLastStartTime().plusSeconds(10), often.getNextRunTime());
        assertNotNull(often.getLastEndTime());
        assertNull(often.getRunningRun());
    }

    @Test
    @Order(3)
    void storesOnlyRecordsAtOrAboveTheTaskLevel() throws Exception {
        RunFinished first = probe.await("it_level", 1, WAIT);
        String info = runs.find(first.runId()).orElseThrow().getLog();
        assertTrue(info.contains("INFO an info line"), info);
        assertFalse(info.contains("a debug line"), info);

        SystemTask level = tasks.find(first.taskId()).orElseThrow();
        tasks.change(level.getId(), new TaskChange(level.getRevision(), null, null, LogLevel.DEBUG, null, null, null),
                "robin", TestClock.now(), ZoneOffset.UTC);
        tasks.requestRun(level.getId(), "robin", TestClock.now(), ZoneOffset.UTC);
        RunFinished second = probe.await("it_level", 2, WAIT);
        String debug = runs.find(second.runId()).orElseThrow().getLog();
        assertTrue(debug.contains("DEBUG a debug line"), debug);
        assertTrue(debug.contains("INFO an info line"), debug);
        assertEquals(debug, tasks.find(level.getId()).orElseThrow().getMessage(), "the task shows its last run");
    }

    @Test
    @Order(4)
    void anExceptionDisablesTheTaskAndStoresTheTrace() throws Exception {
        RunFinished failed = probe.await("it_fails", 1, WAIT);
        assertEquals(Outcome.FAILED, failed.outcome());
        SystemTask task = tasks.find(failed.taskId()).orElseThrow();
        assertTrue(task.isDisabled());
        assertTrue(task.getMessage().contains("INFO about to fail"), task.getMessage());
        assertTrue(task.getMessage().contains("java.lang.IllegalStateException: boom"), task.getMessage());
        assertTrue(task.getMessage().contains("at lino.linod.it.TestProcedures$Fails.run"), task.getMessage());
        assertEquals("Disabled", task.status(TestClock.now(), ZoneOffset.UTC, true));
        assertTrue(tasks.changes(task.getId()).stream().anyMatch(c -> c.getField().equals("disabled")
                && c.getUser().equals("linod") && "true".equals(c.getNewValue())), "the audit trail names the daemon");
    }

    @Test
    @Order(5)
    void aWarningKeepsTheTaskEnabled() throws Exception {
        RunFinished warned = probe.await("it_warns", 1, WAIT);
        assertEquals(Outcome.WARNING, warned.outcome());
        SystemTask task = tasks.find(warned.taskId()).orElseThrow();
        assertFalse(task.isDisabled());
        assertTrue(task.getMessage().contains("WARNING careful"), task.getMessage());
        assertNotNull(task.getNextRunTime());
    }

    @Test
    @Order(6)
    void runNowRunsADisabledTaskAndClearsTheRequest() throws Exception {
        probe.await("it_daily", 1, WAIT);
        long before = probe.count("it_daily");
        SystemTask daily = task("it_daily");
        tasks.change(daily.getId(), new TaskChange(daily.getRevision(), null, null, null, true, null, null),
                "robin", TestClock.now(), ZoneOffset.UTC);
        int runsBefore = runs.ofTask(daily.getId(), 0, 100).size();
        String message = daemon.runNow(daily.getId(), "robin").orElseThrow();
        assertEquals("robin requested to run this task at 2026-01-05 08:00:10.", message);
        // This node had a free slot: the run was claimed in the request's own transaction, so it is there the
        // moment Run now returns (no look of the daemon in between).
        List<Run> history = runs.ofTask(daily.getId(), 0, 100);
        assertEquals(runsBefore + 1, history.size(), "a run is there when Run now returns");
        assertEquals("linod", history.get(0).getRunAs());
        assertTrue(tasks.changes(daily.getId()).stream().anyMatch(c -> c.getField().equals("requestedAt")
                && c.getUser().equals("robin")), "the request is in the audit trail");
        RunFinished ran = probe.await("it_daily", (int) before + 1, WAIT);
        assertEquals(history.get(0).getId(), ran.runId(), "the run that Run now started");
        assertEquals(Outcome.SUCCESS, ran.outcome());
        SystemTask after = tasks.find(daily.getId()).orElseThrow();
        assertNull(after.getRequestedAt(), "requested at is cleared when the run starts");
        assertTrue(after.isDisabled(), "Run now does not enable the task");
        assertEquals("Disabled", after.status(TestClock.now(), ZoneOffset.UTC, true));
    }

    @Test
    @Order(7)
    void aSlowTaskDelaysNoOtherAndNeverOverlapsItself() throws Exception {
        gate.awaitEntered(1, WAIT);
        SystemTask slow = task("it_slow");
        assertTrue(slow.status(TestClock.now(), ZoneOffset.UTC, true).startsWith("Running since "));

        // Run now pressed during the run: kept (no second run starts beside it), then cancelled (Lino's Cancel
        // request).
        daemon.runNow(slow.getId(), "robin").orElseThrow();
        assertEquals(1, runs.ofTask(slow.getId(), 0, 10).stream()
                .filter(r -> r.getOutcome() == Outcome.RUNNING).count());
        assertNotNull(tasks.find(slow.getId()).orElseThrow().getRequestedAt());
        assertEquals("robin cancelled the request to run this task.",
                tasks.cancelRequest(slow.getId(), "robin", TestClock.now()).orElseThrow());
        assertNull(tasks.find(slow.getId()).orElseThrow().getRequestedAt());

        // Its interval passes while it runs: the often task runs, the slow one does not start a second time.
        long often = probe.count("it_often");
        TestClock.advance(Duration.ofSeconds(60));
        daemon.wake();
        probe.await("it_often", (int) often + 1, WAIT);
        assertEquals(1, gate.entered(), "the slow procedure started once");
        assertEquals(1, runs.ofTask(slow.getId(), 0, 10).stream()
                .filter(r -> r.getOutcome() == Outcome.RUNNING).count());

        // Its missed slot collapses into one run at once; after that its next slot lies ahead.
        gate.open();
        probe.await("it_slow", 2, WAIT);
        assertEquals(2, gate.entered());
        assertTrue(tasks.find(slow.getId()).orElseThrow().getNextRunTime().isAfter(TestClock.now()));

        // Run now pressed during a run survives the end of that run and starts the task once more.
        gate.close();
        tasks.requestRun(slow.getId(), "robin", TestClock.now(), ZoneOffset.UTC);
        gate.awaitEntered(3, WAIT);
        tasks.requestRun(slow.getId(), "robin", TestClock.now(), ZoneOffset.UTC);
        gate.open();
        probe.await("it_slow", 4, WAIT);
        assertEquals(4, gate.entered());
        assertEquals(1, gate.mostInside(), "never two runs of one task at once");
        assertNull(tasks.find(slow.getId()).orElseThrow().getRequestedAt());
    }

    @Test
    @Order(8)
    void anUnresolvedProcedureIsKeptShownAndNeverRun() throws Exception {
        // As if the procedure had been removed from the application since the task was made.
        SystemTask gone = tasks.installIfNeeded("no_such_procedure", Recurrence.every(10, Unit.SECONDLY), "linod",
                TestClock.now(), ZoneOffset.UTC).get(0);
        long often = probe.count("it_often");
        TestClock.advance(Duration.ofSeconds(10));
        daemon.wake();
        probe.await("it_often", (int) often + 1, WAIT);
        SystemTask after = tasks.find(gone.getId()).orElseThrow();
        assertTrue(runs.ofTask(gone.getId(), 0, 10).isEmpty(), "never run");
        assertEquals("Unresolved procedure no_such_procedure.", after.status(TestClock.now(), ZoneOffset.UTC, false));
        assertNull(after.getNextRunTime());
        assertTrue(daemon.listing().contains("do no_such_procedure()"), daemon.listing());
    }

    @Test
    @Order(9)
    void aRunLeftRunningIsClosedAtStartUpAndTheTaskRunsAgain() throws Exception {
        SystemTask warns = task("it_warns");
        long before = probe.count("it_warns");
        // What a node that died mid-run leaves behind: a claimed task and an open run of this node.
        Run orphan = runs.claim(warns, TestClock.now(), daemon.node(), "linod").orElseThrow();
        assertTrue(tasks.find(warns.getId()).orElseThrow().isRunning());

        daemon.restart();

        Run closed = runs.find(orphan.getId()).orElseThrow();
        assertEquals(Outcome.INTERRUPTED, closed.getOutcome());
        assertTrue(closed.getLog().contains("Interrupted"), closed.getLog());
        RunFinished again = probe.await("it_warns", (int) before + 1, WAIT);
        assertTrue(again.runId() != orphan.getId());
        assertFalse(tasks.find(warns.getId()).orElseThrow().isRunning());
    }
    /**
     * Lino's SetupTasks as a user's action: the task of a procedure that has none comes back with the suggested
     * recurrence, written to the audit trail as the user's; a task whose procedure is not registered is listed and
     * never due; a second call creates nothing.
     */
    @Test
    @Order(10)
    void setupTasksMakesTheMissingTasksAndNamesTheUnresolvedOnes() {
        SystemTask weekly = task("it_weekly");
        assertTrue(tasks.delete(weekly.getId(), t -> true, "it-staff", TestClock.now()));
        assertTrue(tasks.ofProcedure("it_weekly").isEmpty());

        SystemTasks.Setup done = tasks.setup("it-staff", TestClock.now(), ZoneOffset.UTC);
        assertEquals(List.of("it_weekly"), done.created().stream().map(SystemTask::getProcedure).toList(),
                done.message());
        SystemTask made = done.created().get(0);
        assertEquals("it_weekly", made.getName());
        assertEquals(weekly.getRecurrence(), made.getRecurrence(), "the suggested recurrence");
        assertNotNull(made.getNextRunTime(), "scheduled");
        assertTrue(done.unresolved().stream().anyMatch(t -> t.getProcedure().equals("no_such_procedure")),
                done.message());
        assertTrue(done.unresolved().stream().allMatch(t -> t.getNextRunTime() == null), done.message());
        assertTrue(done.message().startsWith("Created " + made.label() + ". "), done.message());
        assertTrue(done.message().contains("not registered: "), done.message());
        assertEquals(List.of("created by it-staff"), tasks.changes(made.getId()).stream()
                .map(c -> c.getField() + " by " + c.getUser()).toList());

        SystemTasks.Setup again = tasks.setup("it-staff", TestClock.now(), ZoneOffset.UTC);
        assertEquals(List.of(), again.created());
        assertTrue(again.message().startsWith("No task to create."), again.message());
    }

    /** Waits (without sleeping on the scheduler's behalf) until {@code probe} answers non-null. */
    private static <T> T waitFor(String what, java.util.function.Supplier<T> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (T answer = probe.get(); ; answer = probe.get()) {
            if (answer != null) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    private Run runningRun(SystemTask task) {
        return waitFor("a run of " + task.getName(), () -> {
            Long id = tasks.find(task.getId()).orElseThrow().getRunningRun();
            return id == null ? null : runs.find(id).orElse(null);
        });
    }

    private TaskChange policies(SystemTask task, Long timeout, MisfirePolicy misfire, OverlapPolicy overlap,
            Recurrence recurrence) {
        return new TaskChange(task.getRevision(), null, null, null, null, recurrence, null, null,
                new Policies(timeout, misfire, overlap));
    }

    @Test
    @Order(11)
    void stopRunAsksTheProcedureAndRecordsWhoStoppedIt() throws Exception {
        SystemTask polite = task("it_polite");
        assertEquals(SystemTask.DEFAULT_TIMEOUT_SECONDS, polite.getTimeoutSeconds(), "Lino's 2 hours");
        assertEquals("This task has no run going on.", daemon.stopRun(polite.getId(), "robin").orElseThrow()
                .message());
        daemon.runNow(polite.getId(), "robin").orElseThrow();
        Run run = runningRun(polite);
        Runs.StopAnswer answer = daemon.stopRun(polite.getId(), "robin").orElseThrow();
        assertTrue(answer.asked());
        assertEquals("robin asked run " + run.getId() + " to stop.", answer.message());
        RunFinished ended = probe.await("it_polite", 1, WAIT);
        assertEquals(Outcome.INTERRUPTED, ended.outcome());
        Run stopped = runs.find(ended.runId()).orElseThrow();
        assertEquals("robin", stopped.getStopRequestedBy());
        assertTrue(stopped.getLog().contains("polite returns") && stopped.getLog().contains("Stopped by robin."),
                stopped.getLog());
        SystemTask after = tasks.find(polite.getId()).orElseThrow();
        assertFalse(after.isDisabled(), "a stop is not the procedure's failure");
        assertNull(after.getNextRunTime(), "a stopped run is not run again at once");
        assertTrue(tasks.changes(polite.getId()).stream().anyMatch(c -> c.getField().equals("stopRequested")
                && c.getUser().equals("robin")), "the stop is in the audit trail");
    }

    @Test
    @Order(12)
    void aRunPastItsTimeoutIsAskedToStopThenInterruptedAfterTheGracePeriod() throws Exception {
        SystemTask stubborn = task("it_stubborn");
        tasks.change(stubborn.getId(), policies(stubborn, 30L, null, null, null), "robin", TestClock.now(),
                ZoneOffset.UTC);
        int started = TestProcedures.Stubborn.STARTED.get();
        daemon.runNow(stubborn.getId(), "robin").orElseThrow();
        Run run = runningRun(stubborn);
        waitFor("the stubborn procedure began", () -> TestProcedures.Stubborn.STARTED.get() > started ? 1 : null);

        TestClock.advance(Duration.ofSeconds(30));
        daemon.wake();
        waitFor("the timeout asked the run to stop", () -> runs.find(run.getId()).orElseThrow()
                .getStopRequestedBy());
        assertEquals(Run.TIMEOUT, runs.find(run.getId()).orElseThrow().getStopRequestedBy());
        assertEquals(Outcome.RUNNING, runs.find(run.getId()).orElseThrow().getOutcome(), "within the grace period");

        // The grace period of this deployment is 2 s: then the run is cut off.
        TestClock.advance(Duration.ofSeconds(2));
        daemon.wake();
        RunFinished ended = probe.await("it_stubborn", 1, WAIT);
        assertEquals(run.getId(), ended.runId());
        assertEquals(Outcome.INTERRUPTED, ended.outcome());
        String log = runs.find(run.getId()).orElseThrow().getLog();
        assertTrue(log.contains("Stopped: it went on longer than its timeout of 30 seconds.")
                && log.contains("Interrupted after the grace period of 2 s."), log);
        assertFalse(tasks.find(stubborn.getId()).orElseThrow().isDisabled());
    }

    @Test
    @Order(13)
    void aMissedSlotIsSkippedWhenTheMisfirePolicySaysSo() throws Exception {
        SystemTask often = task("it_often");
        probe.await("it_often", 1, WAIT);
        tasks.change(often.getId(), policies(often, null, MisfirePolicy.SKIP, null, null), "robin",
                TestClock.now(), ZoneOffset.UTC);
        long runsBefore = probe.count("it_often");
        // Every 10 s, and 5 minutes pass unnoticed (the node was down, say): its slot is long missed.
        TestClock.advance(Duration.ofMinutes(5));
        java.time.Instant now = TestClock.now();
        daemon.wake();
        SystemTask skipped = waitFor("the missed slot skipped", () -> {
            SystemTask t = tasks.find(often.getId()).orElseThrow();
            return t.getNextRunTime() != null && t.getNextRunTime().isAfter(now) ? t : null;
        });
        assertEquals(now.plusSeconds(10), skipped.getNextRunTime(), "its next slot after now");
        assertEquals(runsBefore, probe.count("it_often"), "nothing ran for the missed slot");
        assertTrue(tasks.changes(often.getId()).stream().anyMatch(c -> c.getField().equals("nextRunTime")
                && c.getUser().equals("linod")), "the skip is in the audit trail");
        // Back to the default, RUN_ONCE: a missed slot runs once at once.
        SystemTask current = tasks.find(often.getId()).orElseThrow();
        tasks.change(often.getId(), policies(current, null, MisfirePolicy.RUN_ONCE, null, null), "robin",
                TestClock.now(), ZoneOffset.UTC);
        TestClock.advance(Duration.ofMinutes(5));
        daemon.wake();
        probe.await("it_often", (int) runsBefore + 1, WAIT);
    }

    @Test
    @Order(14)
    void theNextSlotReplacesARunWhenTheOverlapPolicySaysSo() throws Exception {
        SystemTask polite = task("it_polite");
        tasks.change(polite.getId(), policies(polite, null, null, OverlapPolicy.REPLACE,
                Recurrence.every(60, Unit.SECONDLY)), "robin", TestClock.now(), ZoneOffset.UTC);
        long ended = probe.count("it_polite");
        daemon.runNow(polite.getId(), "robin").orElseThrow();
        Run first = runningRun(polite);

        TestClock.advance(Duration.ofSeconds(60));
        daemon.wake();
        RunFinished replaced = probe.await("it_polite", (int) ended + 1, WAIT);
        assertEquals(first.getId(), replaced.runId());
        assertEquals(Outcome.INTERRUPTED, replaced.outcome());
        assertEquals(Run.NEXT_RUN, runs.find(first.getId()).orElseThrow().getStopRequestedBy());
        Run second = runningRun(polite);
        assertTrue(second.getId() > first.getId(), "a new run started in its place");

        // Leave it quiet: stopped by a user, it waits for its next slot, and it runs no more.
        SystemTask current = tasks.find(polite.getId()).orElseThrow();
        tasks.change(polite.getId(), policies(current, null, null, OverlapPolicy.FORBID,
                Recurrence.every(1, Unit.NEVER)), "robin", TestClock.now(), ZoneOffset.UTC);
        daemon.stopRun(polite.getId(), "robin").orElseThrow();
        assertEquals(Outcome.INTERRUPTED, probe.await("it_polite", (int) ended + 2, WAIT).outcome());
    }

    @Test
    @Order(15)
    void aTaskThatRunsAfterAnotherWaitsForItsRun() throws Exception {
        SystemTask first = task("it_first");
        SystemTask after = task("it_after");
        SystemTask daily = task("it_daily");
        TestProcedures.First.RELEASE = new java.util.concurrent.CountDownLatch(1);
        tasks.requestRun(first.getId(), "robin", TestClock.now(), ZoneOffset.UTC);
        Run firstRun = runningRun(first);
        tasks.requestRun(after.getId(), "robin", TestClock.now(), ZoneOffset.UTC);
        // A look that comes after both requests (it starts the daily task) holds it_after back.
        long dailyRuns = probe.count("it_daily");
        tasks.requestRun(daily.getId(), "robin", TestClock.now(), ZoneOffset.UTC);
        probe.await("it_daily", (int) dailyRuns + 1, WAIT);
        assertNotNull(tasks.find(after.getId()).orElseThrow().getRequestedAt(), "it_after still waits");
        assertTrue(runs.ofTask(after.getId(), 0, 10).isEmpty(), "it_after did not start while it_first ran");
        // Run now waits as well: the daemon's look decides.
        assertTrue(daemon.runNow(after.getId(), "robin").orElseThrow()
                .startsWith("robin requested to run this task at "));
        assertTrue(runs.ofTask(after.getId(), 0, 10).isEmpty(), "Run now did not start it beside it_first");

        TestProcedures.First.RELEASE.countDown();
        RunFinished firstEnded = probe.await("it_first", 1, WAIT);
        assertEquals(firstRun.getId(), firstEnded.runId());
        RunFinished afterEnded = probe.await("it_after", 1, WAIT);
        Run afterRun = runs.find(afterEnded.runId()).orElseThrow();
        assertFalse(afterRun.getStartTime().isBefore(runs.find(firstRun.getId()).orElseThrow().getEndTime()),
                "it_after started after it_first's end");
    }
}
