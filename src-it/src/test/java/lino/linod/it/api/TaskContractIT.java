package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The task's one representation: what GET answers, PUT takes back whole (read-only fields and all), POST creates
 * from and PATCH (a JSON merge patch) is merged into; its strong ETag with If-Match and If-None-Match; the audit
 * trail in pages.
 */
class TaskContractIT {

    private final LinodApi staff = LinodApi.staff();

    private long quietTask() {
        return id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-contract")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recurrence(Map<String, Object> task) {
        return (Map<String, Object>) task.get("recurrence");
    }

    @Test
    void whatGetAnswersPutTakesBack() {
        long id = quietTask();
        LinodApi.Reply read = staff.get("tasks/" + id).expect(200);
        Map<String, Object> task = read.object();

        // Unchanged, as it came: accepted, nothing changes but the ETag stays what it was.
        LinodApi.Reply same = staff.put("tasks/" + id, task, "If-Match", read.header("ETag")).expect(200);
        assertEquals(Json.write(task), Json.write(same.object()), "an unchanged PUT changed the task");
        assertEquals(read.header("ETag"), same.header("ETag"));

        // Changed: every setting at once, the read-only fields sent back as they came.
        task.put("name", "round trip");
        task.put("logLevel", "WARNING");
        task.put("seqno", 4711);
        task.put("parameters", "{\"journal\": \"SLS\"}");
        task.put("recurrence", Json.object("unit", "weekly", "every", 1, "weekdays", List.of("tuesday"),
                "startTime", "05:15"));
        LinodApi.Reply changed = staff.put("tasks/" + id, task, "If-Match", read.header("ETag")).expect(200);
        Map<String, Object> after = changed.object();
        assertEquals("round trip", after.get("name"));
        assertEquals("WARNING", after.get("logLevel"));
        assertEquals(new BigDecimal(4711), after.get("seqno"));
        assertEquals("{\"journal\": \"SLS\"}", after.get("parameters"));
        assertEquals(List.of("tuesday"), recurrence(after).get("weekdays"));
        assertNotEquals(task.get("revision"), after.get("revision"), "a user's change is a new revision");
        assertNotEquals(read.header("ETag"), changed.header("ETag"));
        assertEquals(Json.write(after), Json.write(staff.task(id)), "GET answers what PUT answered");

        // The same body again: its revision and its ETag are stale now.
        staff.put("tasks/" + id, task, "If-Match", read.header("ETag")).expectProblem(412);
        staff.put("tasks/" + id, task).expectProblem(409);
        assertEquals(Json.write(after), Json.write(staff.task(id)), "a refused PUT changed the task");
    }

    @Test
    void putReplacesEverySettingAndRefusesWhatItCannotChange() {
        long id = quietTask();
        Map<String, Object> before = staff.task(id);
        LinodApi.Reply partial = staff.put("tasks/" + id, Json.object("revision", before.get("revision"),
                "name", "only a name")).expectProblem(400);
        for (String required : List.of("seqno", "logLevel", "disabled", "recurrence")) {
            assertTrue(partial.errorFields().contains(required), required + " is required: " + partial);
        }
        Map<String, Object> otherProcedure = new LinkedHashMap<>(before);
        otherProcedure.put("procedure", "checksummaries");
        staff.put("tasks/" + id, otherProcedure).expectInvalid("procedure");
        Map<String, Object> otherId = new LinkedHashMap<>(before);
        otherId.put("id", id + 1);
        staff.put("tasks/" + id, otherId).expectInvalid("id");
        Map<String, Object> unknown = new LinkedHashMap<>(before);
        unknown.put("colour", "blue");
        staff.put("tasks/" + id, unknown).expectInvalid("colour");
        assertEquals(Json.write(before), Json.write(staff.task(id)), "a refused PUT changed the task");

        // Read-only fields are ignored, whatever they say; absent parameters are none.
        Map<String, Object> noisy = new LinkedHashMap<>(before);
        noisy.put("status", "Running since forever.");
        noisy.put("nextRunTime", "2000-01-01T00:00:00Z");
        noisy.put("message", "made up");
        noisy.put("parameters", "set");
        Map<String, Object> after = staff.put("tasks/" + id, noisy).expect(200).object();
        assertEquals(before.get("status"), after.get("status"));
        assertEquals(before.get("nextRunTime"), after.get("nextRunTime"));
        assertEquals(before.get("message"), after.get("message"));
        Map<String, Object> without = new LinkedHashMap<>(after);
        without.remove("parameters");
        assertEquals("", staff.put("tasks/" + id, without).expect(200).object().get("parameters"));
    }

    @Test
    void postTakesTheWholeRepresentation() {
        String name = LinodApi.uniqueName("it-api-full");
        LinodApi.Reply created = staff.post("tasks", Json.object("procedure", "checksummaries", "name", name,
                "seqno", 777, "logLevel", "ERROR", "disabled", true, "parameters", "p=1",
                "recurrence", Json.object("unit", "monthly", "every", 2, "weekdays", List.of("friday"),
                        "positions", List.of(-1), "startTime", "18:00"),
                "status", "ignored", "id", 1)).expect(201);
        Map<String, Object> task = created.object();
        assertEquals(name, task.get("name"));
        assertEquals(new BigDecimal(777), task.get("seqno"));
        assertEquals("ERROR", task.get("logLevel"));
        assertEquals(Boolean.TRUE, task.get("disabled"));
        assertEquals("Disabled", task.get("status"));
        assertEquals("p=1", task.get("parameters"));
        assertEquals("monthly", recurrence(task).get("unit"));
        assertEquals(List.of(new BigDecimal(-1)), recurrence(task).get("positions"));
        assertNotEquals(1L, id(task), "id is read-only");
        assertEquals(created.header("ETag"), staff.get("tasks/" + id(task)).expect(200).header("ETag"));
        // What POST created is what a PUT can take back: the round trip works from the start.
        assertEquals("renamed", staff.replace(id(task), t -> t.put("name", "renamed")).get("name"));
    }

    @Test
    void aOnceTaskDoesNotRunBeforeItsStart() {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        Map<String, Object> once = staff.post("tasks", Json.object("procedure", "checkdata",
                "name", LinodApi.uniqueName("it-api-once"), "recurrence", Json.object("unit", "once",
                        "startDate", start.toString(), "startTime", "04:00"))).expect(201).object();
        OffsetDateTime next = OffsetDateTime.parse((String) once.get("nextRunTime"));
        assertEquals(start, next.toLocalDate(), "runs on its start date (site zone): " + once);
        assertEquals(LocalTime.of(4, 0), next.toLocalTime(), once.toString());
        // A task created after it without a start runs at once: once it has run, the daemon has looked at both.
        long control = id(staff.post("tasks", Json.object("procedure", "checkdata",
                "name", LinodApi.uniqueName("it-api-once-control"), "recurrence",
                Json.object("unit", "daily", "every", 1))).expect(201).object());
        staff.awaitFinishedRuns(control, 1, Duration.ofSeconds(60));
        assertEquals(List.of(), LinodApi.items(staff.get("tasks/" + id(once) + "/runs").expect(200).object()),
                "the once task ran before its start");
        assertNull(staff.task(id(once)).get("lastStartTime"));
    }

    @Test
    void patchMergesIntoTheRepresentation() {
        long id = quietTask();
        staff.update(id, "parameters", "keep me", "recurrence", Json.object("unit", "weekly", "every", 1,
                "weekdays", List.of("monday"), "startTime", "07:00"));
        Map<String, Object> before = staff.task(id);

        // Nested objects merge: only "every" changes in the recurrence.
        Map<String, Object> after = staff.patch("tasks/" + id, Json.object("recurrence", Json.object("every", 3)))
                .expect(200).object();
        assertEquals(new BigDecimal(3), recurrence(after).get("every"));
        assertEquals(List.of("monday"), recurrence(after).get("weekdays"));
        assertEquals("07:00", recurrence(after).get("startTime"));
        assertEquals("keep me", after.get("parameters"));
        assertEquals(before.get("name"), after.get("name"));

        // null removes: no parameters; a name cannot be removed.
        assertEquals("", staff.patch("tasks/" + id, Json.object("parameters", null)).expect(200).object()
                .get("parameters"));
        Map<String, Object> current = staff.task(id);
        staff.patch("tasks/" + id, Json.object("name", null)).expectInvalid("name");
        // Conditional when asked: a stale revision is 409, a stale ETag 412; JSON that is no merge patch 415.
        staff.patch("tasks/" + id, Json.object("revision", before.get("revision"), "name", "late")).expectProblem(409);
        staff.patch("tasks/" + id, Json.object("name", "late"), "If-Match", "\"stale\"").expectProblem(412);
        LinodApi.Reply json = staff.send("PATCH", "tasks/" + id, "application/json", "{\"name\": \"json\"}");
        assertEquals(415, json.status(), json.toString());
        assertEquals(Json.write(current), Json.write(staff.task(id)), "a refused PATCH changed the task");
    }

    @Test
    void theETagTagsTheRepresentation() {
        long id = quietTask();
        LinodApi.Reply read = staff.get("tasks/" + id).expect(200);
        String etag = read.header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong validator: " + read);

        LinodApi.Reply notModified = staff.send("GET", "tasks/" + id, null, null, "If-None-Match", etag);
        assertEquals(304, notModified.status(), notModified.toString());
        assertEquals("", notModified.body());
        assertEquals(etag, notModified.header("ETag"));
        assertEquals(304, staff.send("GET", "tasks/" + id, null, null, "If-None-Match", "\"other\", W/" + etag)
                .status(), "a weak match is enough for If-None-Match");
        assertEquals(200, staff.send("GET", "tasks/" + id, null, null, "If-None-Match", "\"other\"").status());

        // A run changes the status, the last start and end and the message, not the revision: a new ETag.
        Object revision = read.object().get("revision");
        staff.post("tasks/" + id + "/run-now", null).expect(200);
        staff.awaitFinishedRuns(id, 1, Duration.ofSeconds(60));
        LinodApi.Reply ran = staff.get("tasks/" + id).expect(200);
        assertEquals(revision, ran.object().get("revision"));
        assertNotEquals(etag, ran.header("ETag"), "the representation changed: " + ran);
        assertEquals(200, staff.send("GET", "tasks/" + id, null, null, "If-None-Match", etag).status());

        // If-Match compares strongly: the old tag and a weak one fail, the current one and * hold.
        staff.patch("tasks/" + id, Json.object("name", "x"), "If-Match", etag).expectProblem(412);
        staff.patch("tasks/" + id, Json.object("name", "x"), "If-Match", "W/" + ran.header("ETag"))
                .expectProblem(412);
        staff.delete("tasks/" + id, "If-Match", etag).expectProblem(412);
        staff.patch("tasks/" + id, Json.object("name", "by tag"), "If-Match", "\"a\", " + ran.header("ETag"))
                .expect(200);
        staff.patch("tasks/" + id, Json.object("name", "by star"), "If-Match", "*").expect(200);
        assertEquals("by star", staff.task(id).get("name"));
    }

    @Test
    void theAuditTrailIsPagedLikeTheRuns() {
        long id = quietTask();
        for (int i = 1; i <= 5; i++) {
            staff.update(id, "name", "change " + i);
        }
        Map<String, Object> first = staff.get("tasks/" + id + "/changes?size=2").expect(200).object();
        assertEquals(new BigDecimal(0), first.get("page"));
        assertEquals(new BigDecimal(2), first.get("size"));
        List<Map<String, Object>> newest = LinodApi.items(first);
        assertEquals(List.of("change 5", "change 4"), newest.stream().map(c -> c.get("newValue")).toList());
        List<Map<String, Object>> next = LinodApi.items(staff.get("tasks/" + id + "/changes?size=2&page=1")
                .expect(200).object());
        assertEquals(List.of("change 3", "change 2"), next.stream().map(c -> c.get("newValue")).toList());
        assertEquals(6, staff.changes(id).size(), "created and renamed five times: " + staff.changes(id));
        staff.get("tasks/" + id + "/changes?size=1001").expectInvalid("size");
    }
}
