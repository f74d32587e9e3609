package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lino.linod.it.Poll;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.Test;

/**
 * A task's run policies over the API (timeout, misfire and overlap policy: defaults, set, changed, refused with the
 * field named) and Stop run on a real run of the demo's slow procedure: it ends interrupted, with who stopped it.
 */
class PoliciesIT {

    private final LinodApi staff = LinodApi.staff();

    @Test
    void policiesHaveDefaultsAndAreSetChangedAndAudited() {
        Map<String, Object> plain = staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-policies"));
        assertEquals(new BigDecimal(7200), plain.get("timeoutSeconds"), "Lino's 2 hours: " + plain);
        assertEquals("RUN_ONCE", plain.get("misfirePolicy"), plain.toString());
        assertEquals("FORBID", plain.get("overlapPolicy"), plain.toString());

        Map<String, Object> set = staff.post("tasks", Json.object("procedure", "checkdata",
                "name", LinodApi.uniqueName("it-api-policies"), "recurrence", Json.object("every", 1, "unit", "never"),
                "timeoutSeconds", 90, "misfirePolicy", "SKIP", "overlapPolicy", "REPLACE")).expect(201).object();
        long id = id(set);
        Map<String, Object> read = staff.task(id);
        assertEquals(new BigDecimal(90), read.get("timeoutSeconds"), read.toString());
        assertEquals("SKIP", read.get("misfirePolicy"), read.toString());
        assertEquals("REPLACE", read.get("overlapPolicy"), read.toString());

        Map<String, Object> changed = staff.update(id, "misfirePolicy", "RUN_ONCE", "timeoutSeconds", 600);
        assertEquals("RUN_ONCE", changed.get("misfirePolicy"), changed.toString());
        assertEquals(new BigDecimal(600), changed.get("timeoutSeconds"), changed.toString());
        assertEquals("REPLACE", changed.get("overlapPolicy"), "a PATCH leaves the others: " + changed);
        List<Map<String, Object>> changes = staff.changes(id);
        assertTrue(changes.stream().anyMatch(c -> "misfirePolicy".equals(c.get("field"))
                && "SKIP".equals(c.get("oldValue")) && "RUN_ONCE".equals(c.get("newValue"))), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> "timeoutSeconds".equals(c.get("field"))), changes.toString());
    }

    @Test
    void badPoliciesAreRefusedNamingEachFieldAndNothingIsWritten() {
        long before = staff.taskCount();
        LinodApi.Reply refused = staff.post("tasks", Json.object("procedure", "checkdata",
                "name", LinodApi.uniqueName("it-api-policies"), "timeoutSeconds", 0, "misfirePolicy", "LATER",
                "overlapPolicy", "ALLOW")).expectProblem(400);
        assertEquals(List.of("misfirePolicy", "overlapPolicy", "timeoutSeconds"),
                refused.errorFields().stream().sorted().toList(), refused.toString());
        assertEquals(before, staff.taskCount(), "a refused POST created a task");

        long id = id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-policies")));
        Map<String, Object> task = staff.task(id);
        LinodApi.Reply tooLong = staff.patch("tasks/" + id, Json.object("timeoutSeconds", 30L * 24 * 3600 + 1))
                .expectProblem(400);
        assertEquals(List.of("timeoutSeconds"), tooLong.errorFields(), tooLong.toString());
        LinodApi.Reply text = staff.patch("tasks/" + id, Json.object("timeoutSeconds", "2 hours")).expectProblem(400);
        assertEquals(List.of("timeoutSeconds"), text.errorFields(), text.toString());
        assertEquals(AccessIT.without(task), AccessIT.without(staff.task(id)), "nothing changed");
    }

    @Test
    void stopRunInterruptsTheRunAndSaysWhoStoppedIt() {
        long id = id(staff.createQuietTask("rebuild_search_index", LinodApi.uniqueName("it-api-stop")));
        LinodApi.Reply idle = staff.post("tasks/" + id + "/stop-run", null).expectProblem(409);
        assertTrue(idle.body().contains("no run going on"), idle.toString());

        staff.post("tasks/" + id + "/run-now", null).expect(200);
        Poll.until("the run of task " + id + " going on", Duration.ofSeconds(30),
                () -> staff.task(id).get("status").toString().startsWith("Running since") ? true : null);
        Map<String, Object> answer = staff.post("tasks/" + id + "/stop-run", null).expect(200).object();
        long runId = LinodApi.number(answer, "run");
        assertEquals(RunningLinod.ADMIN + " asked run " + runId + " to stop.", answer.get("message"), answer.toString());
        Map<String, Object> again = staff.post("tasks/" + id + "/stop-run", null).expect(200).object();
        assertEquals(RunningLinod.ADMIN + " asked run " + runId + " to stop already.", again.get("message"));

        Map<String, Object> run = staff.awaitFinishedRuns(id, 1, Duration.ofSeconds(30)).get(0);
        assertEquals(runId, id(run));
        assertEquals("INTERRUPTED", run.get("outcome"), run.toString());
        assertEquals(RunningLinod.ADMIN, run.get("stopRequestedBy"), run.toString());
        LinodApi.instant(run, "stopRequestedAt");
        String log = String.valueOf(staff.get("runs/" + runId).expect(200).object().get("log"));
        assertTrue(log.contains("Stopped by " + RunningLinod.ADMIN + "."), log);
        Map<String, Object> task = staff.task(id);
        assertEquals(Boolean.FALSE, task.get("disabled"), "a stop is not a failure: " + task);
        assertTrue(staff.changes(id).stream().anyMatch(c -> "stopRequested".equals(c.get("field"))
                && RunningLinod.ADMIN.equals(c.get("user"))), "the stop is in the audit trail");
    }
}
