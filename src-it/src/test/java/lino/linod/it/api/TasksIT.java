package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static lino.linod.it.api.LinodApi.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /tasks}: list, read, create, change and delete system tasks, and every way to get it wrong. */
class TasksIT {

    private static final List<String> FIELDS = List.of("id", "seqno", "name", "procedure", "logLevel", "disabled",
            "status", "when", "resolved", "nextRunTime", "lastStartTime", "lastEndTime", "requestedAt", "message",
            "parameters", "timeoutSeconds", "misfirePolicy", "overlapPolicy", "revision", "recurrence");
    private static final List<String> RECURRENCE_FIELDS = List.of("unit", "every", "weekdays", "positions",
            "startDate", "startTime", "endDate", "endTime", "maxEvents", "cron", "zone");

    private final LinodApi staff = LinodApi.staff();

    private long quietTask() {
        return id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-task")));
    }

    private static void assertTaskShape(Map<String, Object> task) {
        for (String field : FIELDS) {
            assertTrue(task.containsKey(field), field + " missing in " + task);
        }
        assertTrue(task.get("recurrence") instanceof Map<?, ?>, task.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> recurrence = (Map<String, Object>) task.get("recurrence");
        for (String field : RECURRENCE_FIELDS) {
            assertTrue(recurrence.containsKey(field), "recurrence." + field + " missing in " + task);
        }
        for (String instant : List.of("nextRunTime", "lastStartTime", "lastEndTime", "requestedAt")) {
            LinodApi.instant(task, instant);
        }
    }

    @Test
    void listsTasksOrderedBySeqno() {
        List<Map<String, Object>> tasks = LinodApi.viewer().allTasks();
        assertTrue(tasks.size() >= 10, "the demo tasks at least: " + tasks);
        long previous = Long.MIN_VALUE;
        for (Map<String, Object> task : tasks) {
            assertTaskShape(task);
            long seqno = number(task, "seqno");
            assertTrue(seqno >= previous, "not ordered by seqno: " + tasks);
            previous = seqno;
        }
        Map<String, Object> weekly = tasks.stream().filter(t -> "send_weekly_report".equals(t.get("procedure")))
                .findFirst().orElseThrow();
        assertEquals("Every week on Saturday at 04:00", weekly.get("when"), weekly.toString());
        assertEquals(Boolean.TRUE, weekly.get("resolved"), weekly.toString());
        assertTrue(LinodApi.instant(weekly, "nextRunTime") != null, weekly.toString());
    }

    @Test
    void readsOneTaskWithAStrongETag() {
        long id = quietTask();
        LinodApi.Reply reply = LinodApi.viewer().get("tasks/" + id).expect(200);
        Map<String, Object> task = reply.object();
        assertTaskShape(task);
        assertEquals(id, id(task));
        String etag = reply.header("ETag");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), "a strong entity tag: " + reply);
        assertEquals(etag, LinodApi.viewer().get("tasks/" + id).expect(200).header("ETag"), "the same again");
    }

    @Test
    void createsATask() {
        String name = LinodApi.uniqueName("it-api-create");
        LinodApi.Reply reply = staff.post("tasks",
                Json.object("procedure", "checkdata",
                        "recurrence", Json.object("every", 2, "unit", "daily"), "name", name)).expect(201);
        Map<String, Object> task = reply.object();
        assertTaskShape(task);
        assertEquals(name, task.get("name"));
        assertEquals("checkdata", task.get("procedure"));
        assertEquals("INFO", task.get("logLevel"));
        assertEquals(Boolean.FALSE, task.get("disabled"));
        assertEquals(Boolean.TRUE, task.get("resolved"));
        assertEquals("Every 2 days", task.get("when"));
        @SuppressWarnings("unchecked")
        Map<String, Object> recurrence = (Map<String, Object>) task.get("recurrence");
        assertEquals("daily", recurrence.get("unit"));
        assertEquals(new BigDecimal(2), recurrence.get("every"));
        String location = reply.header("Location");
        assertTrue(location.endsWith("/api/tasks/" + id(task)), "Location: " + reply);
        Map<String, Object> fetched = staff.get("tasks/" + id(task)).expect(200).object();
        assertEquals(name, fetched.get("name"));
        assertTrue(staff.allTasks().stream()
                .anyMatch(t -> id(t) == id(task)), "the new task is not listed");

        Map<String, Object> unnamed = staff.post("tasks", Json.object("procedure", "checksummaries",
                "recurrence", Json.object("every", 1, "unit", "never"))).expect(201).object();
        assertTrue(unnamed.get("name") instanceof String n && !n.isEmpty(), "a task gets a name: " + unnamed);
        assertNotEquals(id(task), id(unnamed));
    }

    @Test
    void rejectsBadNewTasks() {
        long before = staff.taskCount();
        Map<String, Object> daily = Json.object("every", 1, "unit", "daily");
        staff.post("tasks", Json.object("procedure", "no_such_procedure", "recurrence", daily))
                .expectInvalid("procedure");
        staff.post("tasks", Json.object("recurrence", daily)).expectInvalid("procedure");
        staff.post("tasks", Json.object("procedure", 42, "recurrence", daily)).expectInvalid("procedure");
        assertRecurrenceError(staff.post("tasks", Json.object("procedure", "checkdata",
                "recurrence", Json.object("every", 0, "unit", "daily"))), "every");
        assertRecurrenceError(staff.post("tasks", Json.object("procedure", "checkdata",
                "recurrence", Json.object("every", 1, "unit", "fortnightly"))), "unit");
        assertRecurrenceError(staff.post("tasks", Json.object("procedure", "checkdata",
                "recurrence", Json.object("every", "two", "unit", "daily"))), "every");
        // The old shape of Lino's insert form, every and unit at the top, is no field of a task.
        staff.post("tasks", Json.object("procedure", "checkdata", "every", 1, "unit", "daily"))
                .expectInvalid("every");
        staff.post("tasks", Json.object("procedure", "checkdata",
                "recurrence", Json.object("every", 1, "unit", "daily"), "name", "x".repeat(201)))
                .expectInvalid("name");
        LinodApi.Reply malformed = staff.send("POST", "tasks", "application/json", "{\"procedure\": \"checkdata\",")
                .expectProblem(400);
        assertEquals(List.of(), malformed.errorFields(), "malformed JSON names no field: " + malformed);
        assertEquals(before, staff.taskCount(), "a rejected POST created a task");
    }

    private static void assertRecurrenceError(LinodApi.Reply reply, String field) {
        reply.expectInvalid("recurrence." + field);
    }

    @Test
    void changesEachField() {
        long id = quietTask();
        Map<String, Object> task = staff.update(id, "name", "Tâche Überprüfung 日本語 🚀 <b>bold</b>");
        assertEquals("Tâche Überprüfung 日本語 🚀 <b>bold</b>", task.get("name"));
        task = staff.update(id, "seqno", 999_999);
        assertEquals(new BigDecimal(999_999), task.get("seqno"));
        task = staff.update(id, "logLevel", "DEBUG");
        assertEquals("DEBUG", task.get("logLevel"));
        task = staff.update(id, "disabled", true);
        assertEquals(Boolean.TRUE, task.get("disabled"));
        assertEquals("Disabled", task.get("status"));
        task = staff.update(id, "parameters", "{\"limit\": 5}");
        assertEquals("{\"limit\": 5}", task.get("parameters"));
        task = staff.update(id, "recurrence", Json.object("unit", "weekly", "every", 2,
                "weekdays", List.of("monday", "friday"), "startTime", "09:30", "zone", "Europe/Brussels"));
        @SuppressWarnings("unchecked")
        Map<String, Object> recurrence = (Map<String, Object>) task.get("recurrence");
        assertEquals("weekly", recurrence.get("unit"), task.toString());
        assertEquals(new BigDecimal(2), recurrence.get("every"), task.toString());
        assertEquals(List.of("monday", "friday"), recurrence.get("weekdays"), task.toString());
        assertEquals("09:30", recurrence.get("startTime"), task.toString());
        assertEquals("Europe/Brussels", recurrence.get("zone"), task.toString());
        assertNull(recurrence.get("cron"), task.toString());
        assertTrue(String.valueOf(task.get("when")).startsWith("Every 2 weeks"), task.toString());

        // A PUT replaces the whole recurrence (a merge patch would keep the unit and the days).
        task = staff.replace(id, t -> t.put("recurrence", Json.object("cron", "0 9 * * FRI#L")));
        @SuppressWarnings("unchecked")
        Map<String, Object> cron = (Map<String, Object>) task.get("recurrence");
        assertEquals("0 9 * * FRI#L", cron.get("cron"), task.toString());
        assertNull(cron.get("unit"), "a cron rule has no unit: " + task);
        assertEquals(List.of(), cron.get("weekdays") == null ? List.of() : cron.get("weekdays"),
                "the whole recurrence is replaced: " + task);

        Map<String, Object> fetched = staff.task(id);
        assertEquals(task.get("name"), fetched.get("name"));
        assertEquals(task.get("recurrence"), fetched.get("recurrence"));
        assertEquals("DEBUG", fetched.get("logLevel"));
    }

    @Test
    void acceptsTheLimits() {
        long id = quietTask();
        assertEquals("n".repeat(200), staff.update(id, "name", "n".repeat(200)).get("name"));
        assertEquals("p".repeat(2000), staff.update(id, "parameters", "p".repeat(2000)).get("parameters"));
        assertEquals(BigDecimal.ONE, staff.update(id, "seqno", 1).get("seqno"));
        assertEquals(new BigDecimal(1_000_000), staff.update(id, "seqno", 1_000_000).get("seqno"));
        for (String level : List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")) {
            assertEquals(level, staff.update(id, "logLevel", level).get("logLevel"));
        }
    }

    @Test
    void aNewTaskGetsASeqnoThatTheApiAccepts() {
        staff.update(quietTask(), "seqno", 1_000_000);
        Map<String, Object> created = staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-seqno"));
        long seqno = number(created, "seqno");
        assertTrue(seqno >= 1 && seqno <= 1_000_000, "seqno out of the range 1..1000000 a PUT accepts: " + created);
        staff.update(id(created), "seqno", seqno, "name", "renamed with its own seqno");
    }

    @Test
    void rejectsBadChangesAndChangesNothing() {
        long id = quietTask();
        Map<String, Object> before = staff.task(id);
        int changes = staff.changes(id).size();
        Object version = before.get("revision");
        String[][] cases = {
            {"name", "\"\""}, {"name", "\"" + "x".repeat(201) + "\""}, {"name", "17"},
            {"seqno", "0"}, {"seqno", "1000001"}, {"seqno", "-3"}, {"seqno", "\"abc\""},
            {"seqno", "99999999999999999999"}, {"seqno", "1e400"}, {"seqno", "2.5"},
            {"logLevel", "\"VERBOSE\""}, {"logLevel", "\"<script>alert(1)</script>\""}, {"logLevel", "[]"},
            {"disabled", "\"yes\""}, {"disabled", "1"},
            {"parameters", "\"" + "p".repeat(2001) + "\""}, {"parameters", "[1]"},
            {"recurrence.every", "{\"unit\": \"daily\", \"every\": 0}"},
            {"recurrence.every", "{\"unit\": \"daily\", \"every\": -1}"},
            {"recurrence.every", "{\"unit\": \"daily\", \"every\": 1e400}"},
            {"recurrence.unit", "{\"unit\": \"fortnightly\", \"every\": 1}"},
            {"recurrence.cron", "{\"cron\": \"0 9 * * MON-FRI/2\"}"},
            {"recurrence.cron", "{\"cron\": \"not a cron\"}"},
            {"recurrence.cron", "{\"cron\": \"@daily\"}"},
            {"recurrence.positions", "{\"unit\": \"monthly\", \"every\": 1, \"weekdays\": [\"monday\"], "
                    + "\"positions\": [0]}"},
            {"recurrence.positions", "{\"unit\": \"monthly\", \"every\": 1, \"weekdays\": [\"monday\"], "
                    + "\"positions\": [9]}"},
            {"recurrence.endDate", "{\"unit\": \"daily\", \"every\": 1, \"startDate\": \"2026-05-10\", "
                    + "\"endDate\": \"2026-05-01\"}"},
            {"recurrence.zone", "{\"unit\": \"daily\", \"every\": 1, \"zone\": \"Mars/Olympus_Mons\"}"},
            {"recurrence.maxEvents", "{\"unit\": \"daily\", \"every\": 1, \"maxEvents\": 0}"},
            {"recurrence.weekdays", "{\"unit\": \"weekly\", \"every\": 1, \"weekdays\": [\"funday\"]}"},
            {"recurrence.startDate", "{\"unit\": \"daily\", \"every\": 1, \"startDate\": \"2026-02-30\"}"},
            {"recurrence.startTime", "{\"unit\": \"daily\", \"every\": 1, \"startTime\": \"25:00\"}"},
            {"recurrence", "\"every day\""},
        };
        List<String> failures = new ArrayList<>();
        for (String[] c : cases) {
            // The whole representation as GET answered it, one setting wrong, sent with PUT.
            String member = c[0].startsWith("recurrence") ? "recurrence" : c[0];
            Map<String, Object> whole = new java.util.LinkedHashMap<>(before);
            whole.put(member, new Json.Raw(c[1]));
            whole.put("revision", version);
            LinodApi.Reply reply = staff.put("tasks/" + id, whole);
            String mismatch = reply.status() == 400 ? reply.problemMismatch() : "expected 400";
            if (mismatch == null && !reply.errorFields().contains(c[0])) {
                mismatch = "errors should name field '" + c[0] + "'";
            }
            if (mismatch != null) {
                failures.add(mismatch + ": " + reply);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(Json.write(before), Json.write(staff.task(id)), "a rejected PUT changed the task");
        assertEquals(changes, staff.changes(id).size(), "a rejected PUT left an audit row");
    }

    @Test
    void onceNeedsAStartDate() {
        long id = quietTask();
        LinodApi.Reply reply = staff.patch("tasks/" + id, Json.object("revision", staff.task(id).get("revision"),
                "recurrence", Json.object("unit", "once", "every", 1))).expectProblem(400);
        assertTrue(reply.errorFields().stream().anyMatch(f -> f.startsWith("recurrence.")), reply.toString());
    }

    @Test
    void deletesATask() {
        long id = quietTask();
        staff.delete("tasks/" + id).expect(204);
        staff.get("tasks/" + id).expectProblem(404);
        assertFalse(staff.allTasks().stream().anyMatch(t -> id(t) == id));
        staff.delete("tasks/" + id).expectProblem(404);
        staff.get("tasks/" + id + "/runs").expectProblem(404);
    }

    @Test
    void unknownIdsAre404() {
        long unknown = 987_654_321L;
        staff.get("tasks/" + unknown).expectProblem(404);
        staff.patch("tasks/" + unknown, Json.object("revision", 1, "name", "ghost")).expectProblem(404);
        staff.delete("tasks/" + unknown).expectProblem(404);
        staff.post("tasks/" + unknown + "/run-now", null).expectProblem(404);
        staff.post("tasks/" + unknown + "/cancel-request", null).expectProblem(404);
        staff.get("tasks/" + unknown + "/runs").expectProblem(404);
        staff.get("tasks/" + unknown + "/changes").expectProblem(404);
        staff.get("runs/" + unknown).expectProblem(404);
        for (String path : List.of("tasks/abc", "tasks/abc/runs", "runs/abc", "tasks/1.5",
                "tasks/99999999999999999999")) {
            LinodApi.Reply reply = staff.get(path);
            assertTrue(reply.status() == 404 || reply.status() == 400, "404 or 400: " + reply);
            reply.assertProblem();
        }
    }
}
