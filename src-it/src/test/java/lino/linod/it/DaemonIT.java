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
                        TestProcedures.Warns.class, TestProcedures.Level.class, TestProcedures.Slow.class);
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
        String message = tasks.requestRun(daily.getId(), "robin", TestClock.now(), ZoneOffset.UTC).orElseThrow();
        assertEquals("robin requested to run this task at 2026-01-05 08:00:10.", message);
        RunFinished ran = probe.await("it_daily", (int) before + 1, WAIT);
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

        // Run now pressed during the run: kept, then cancelled (Lino's Cancel request).
        tasks.requestRun(slow.getId(), "robin", TestClock.now(), ZoneOffset.UTC);
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
                TestClock.now(), ZoneOffset.UTC).orElseThrow();
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
}
