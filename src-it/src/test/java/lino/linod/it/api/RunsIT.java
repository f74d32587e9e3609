package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.Test;

/**
 * Run now, Cancel request and the run history: a request makes the daemon run the task at once, a run is kept
 * with its log, and a procedure that throws gets its task disabled by the daemon, which the audit trail shows.
 */
class RunsIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);

    private final LinodApi staff = LinodApi.staff();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> json, String name) {
        assertTrue(json.get(name) instanceof Map<?, ?>, name + " should be an object in " + json);
        return (Map<String, Object>) json.get(name);
    }

    private List<Map<String, Object>> page(long taskId, String query) {
        Map<String, Object> page = staff.get("tasks/" + taskId + "/runs" + query).expect(200).object();
        assertTrue(page.get("items") instanceof List<?>, page.toString());
        return LinodApi.objects((List<Object>) page.get("items"));
    }

    @Test
    void runNowMakesARunWithItsLog() {
        String name = LinodApi.uniqueName("it-api-run");
        long id = id(staff.createQuietTask("checkdata", name));
        Map<String, Object> empty = staff.get("tasks/" + id + "/runs?page=0&size=20").expect(200).object();
        assertEquals(List.of(), empty.get("items"), empty.toString());
        assertEquals(BigDecimal.ZERO, empty.get("page"), empty.toString());
        assertEquals(new BigDecimal(20), empty.get("size"), empty.toString());

        Map<String, Object> answer = staff.post("tasks/" + id + "/run-now", null).expect(200).object();
        assertTrue(String.valueOf(answer.get("message")).matches(RunningLinod.ADMIN
                + " requested to run this task at .+\\."), answer.toString());
        assertEquals(id, id(member(answer, "task")));
        // The task as it is when the answer is made: still requested, or already started by the daemon.
        Map<String, Object> answered = member(answer, "task");
        assertTrue(answered.get("requestedAt") != null || answered.get("lastStartTime") != null,
                "requested or started: " + answer);

        Map<String, Object> run = staff.awaitFinishedRuns(id, 1, RUN_TIMEOUT).get(0);
        assertEquals("SUCCESS", run.get("outcome"), run.toString());
        assertEquals(id, LinodApi.number(run, "taskId"), run.toString());
        assertEquals(name, run.get("taskName"), run.toString());
        assertEquals(LinodApi.DAEMON_USER, run.get("runAs"), run.toString());
        String node = (String) staff.get("status", "application/json").expect(200).object().get("node");
        assertEquals(node, run.get("node"), run.toString());
        OffsetDateTime start = LinodApi.instant(run, "startTime");
        OffsetDateTime end = LinodApi.instant(run, "endTime");
        assertNotNull(start, run.toString());
        assertNotNull(end, run.toString());
        assertFalse(end.isBefore(start), run.toString());
        assertTrue(LinodApi.number(run, "durationMillis") >= 0, run.toString());

        Map<String, Object> task = staff.task(id);
        assertNull(task.get("requestedAt"), task.toString());
        // The task's last start is the instant it was claimed (its schedule counts from there); the run's start is
        // when the procedure began, a moment later.
        assertFalse(start.isBefore(LinodApi.instant(task, "lastStartTime")), task + " / " + run);
        assertTrue(end.isEqual(LinodApi.instant(task, "lastEndTime")), task + " / " + run);

        Map<String, Object> full = LinodApi.viewer().get("runs/" + id(run)).expect(200).object();
        assertEquals(id(run), id(full));
        assertTrue(String.valueOf(full.get("log")).contains("Run 1 data checkers on demo emails"), full.toString());

        staff.post("tasks/" + id + "/run-now", null).expect(200);
        List<Map<String, Object>> runs = staff.awaitFinishedRuns(id, 2, RUN_TIMEOUT);
        assertEquals(2, runs.size(), runs.toString());
        assertFalse(LinodApi.instant(runs.get(0), "startTime").isBefore(LinodApi.instant(runs.get(1), "startTime")),
                "newest first: " + runs);
        assertEquals(id(run), id(runs.get(1)), runs.toString());
        assertEquals(List.of(id(runs.get(0))), page(id, "?page=0&size=1").stream().map(LinodApi::id).toList());
        assertEquals(List.of(id(runs.get(1))), page(id, "?page=1&size=1").stream().map(LinodApi::id).toList());
        assertEquals(List.of(), page(id, "?page=2&size=1"));
        assertEquals(2, page(id, "").size(), "the defaults show both runs");
    }

    @Test
    void badPagingIs400() {
        long id = id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-paging")));
        for (String query : List.of("?page=-1", "?size=0", "?size=-5")) {
            staff.get("tasks/" + id + "/runs" + query).expectProblem(400);
        }
        for (String query : List.of("?page=abc", "?page=0&size=99999999999")) {
            LinodApi.Reply reply = staff.get("tasks/" + id + "/runs" + query);
            assertTrue(reply.status() == 400 || reply.status() == 404, reply.toString());
            reply.assertProblem();
        }
    }

    @Test
    void cancelRequestClearsTheRequestOfARunningTask() {
        String name = LinodApi.uniqueName("it-api-cancel");
        long id = id(staff.createQuietTask("rebuild_search_index", name));
        staff.post("tasks/" + id + "/run-now", null).expect(200);
        // rebuild_search_index takes 20 s: while it runs, a second request cannot be claimed and stays.
        Map<String, Object> running = LinodApi.poll("task " + id + " shows in the running list", RUN_TIMEOUT, () -> {
            Map<String, Object> status = staff.get("status", "application/json").expect(200).object();
            return LinodApi.objects((List<Object>) status.get("running")).stream()
                    .filter(r -> r.get("taskId") instanceof BigDecimal n && n.longValue() == id).findFirst()
                    .orElse(null);
        });
        assertEquals(name, running.get("taskName"), running.toString());
        assertTrue(running.get("percent") instanceof BigDecimal, running.toString());
        long runId = LinodApi.number(running, "runId");
        Map<String, Object> run = staff.get("runs/" + runId).expect(200).object();
        assertEquals("RUNNING", run.get("outcome"), run.toString());
        assertNull(run.get("endTime"), run.toString());

        Map<String, Object> requested = member(staff.post("tasks/" + id + "/run-now", null).expect(200).object(),
                "task");
        assertNotNull(requested.get("requestedAt"), requested.toString());
        assertNotNull(staff.task(id).get("requestedAt"), "the request stays while the task runs");

        Map<String, Object> answer = staff.post("tasks/" + id + "/cancel-request", null).expect(200).object();
        assertEquals(RunningLinod.ADMIN + " cancelled the request to run this task.", answer.get("message"),
                answer.toString());
        assertNull(member(answer, "task").get("requestedAt"), answer.toString());
        assertNull(staff.task(id).get("requestedAt"), "cancel-request clears requestedAt");
        Map<String, Object> change = staff.changes(id).stream()
                .filter(r -> RunningLinod.ADMIN.equals(r.get("user"))).findFirst().orElseThrow();
        assertEquals("requestedAt", change.get("field"), change.toString());
        assertEquals(RunningLinod.ADMIN, change.get("user"), change.toString());
        assertNull(change.get("newValue"), change.toString());
    }

    @Test
    void theDaemonDisablesATaskWhoseProcedureThrows() {
        long id = id(staff.createQuietTask("sync_remote_calendar", LinodApi.uniqueName("it-api-throws")));
        // The demo procedure throws on one run in ten: run it until it does.
        int[] runs = {0};
        Map<String, Object> failed = LinodApi.poll("a run of sync_remote_calendar failed", Duration.ofSeconds(60),
                () -> {
                    staff.post("tasks/" + id + "/run-now", null).expect(200);
                    runs[0]++;
                    Map<String, Object> newest = staff.awaitFinishedRuns(id, runs[0], RUN_TIMEOUT).get(0);
                    return "FAILED".equals(newest.get("outcome")) ? newest : null;
                });
        assertNotNull(failed.get("endTime"), failed.toString());
        Map<String, Object> task = staff.task(id);
        assertEquals(Boolean.TRUE, task.get("disabled"), task.toString());
        Map<String, Object> disabled = staff.changes(id).stream().filter(r -> "disabled".equals(r.get("field")))
                .findFirst().orElseThrow(() -> new AssertionError("no audit row for disabled: " + staff.changes(id)));
        assertEquals(LinodApi.DAEMON_USER, disabled.get("user"), disabled.toString());
        assertEquals("true", String.valueOf(disabled.get("newValue")), disabled.toString());
        assertEquals("false", String.valueOf(disabled.get("oldValue")), disabled.toString());
    }
}
