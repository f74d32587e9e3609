package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.yaml}, read by a YAML parser: an OpenAPI 3 document that lists every path of the API, and
 * whose request schemas say what the API does: a body valid by the document is accepted, one invalid by it is
 * refused with 400 and changes nothing.
 */
class OpenApiIT {

    /** The API's paths, as the document names them. */
    private static final List<String> PATHS = List.of("/procedures", "/tasks", "/tasks/{id}", "/tasks/{id}/run-now",
            "/tasks/{id}/cancel-request", "/tasks/{id}/stop-run", "/tasks/{id}/runs", "/tasks/{id}/changes",
            "/runs/{id}", "/status", "/users", "/users/{name}", "/openapi.yaml", "/setup-tasks");

    /** JSON's null, as a value that a map entry can hold. */
    private static final Json.Raw NULL = new Json.Raw("null");

    private static OpenApiDocument document;

    private final LinodApi staff = LinodApi.staff();

    @BeforeAll
    static void read() {
        LinodApi.Reply reply = LinodApi.viewer().get("openapi.yaml").expect(200);
        document = OpenApiDocument.parse(reply.body());
    }

    @Test
    void describesEveryPath() {
        assertTrue(String.valueOf(document.root().get("openapi")).startsWith("3."), "not OpenAPI 3");
        assertEquals(PATHS.stream().sorted().toList(), document.at("paths").keySet().stream().sorted().toList());
    }

    /** Values of one field that the document refuses, each with the field it belongs to. */
    private static List<Map.Entry<String, Object>> mistakes() {
        List<Map.Entry<String, Object>> m = new ArrayList<>();
        for (Object v : new Object[] {42, "", "x".repeat(201), null}) {
            m.add(Map.entry("name", v == null ? NULL : v));
        }
        for (Object v : new Object[] {0, 1_000_001, new Json.Raw("2.5"), "1", new Json.Raw("1e400")}) {
            m.add(Map.entry("seqno", v));
        }
        m.add(Map.entry("logLevel", "VERBOSE"));
        m.add(Map.entry("logLevel", "info"));
        m.add(Map.entry("disabled", "yes"));
        m.add(Map.entry("disabled", 1));
        m.add(Map.entry("parameters", 42));
        m.add(Map.entry("parameters", "p".repeat(2001)));
        m.add(Map.entry("colour", "blue"));
        m.add(Map.entry("revision", -1));
        m.add(Map.entry("revision", "abc"));
        m.add(Map.entry("recurrence", "every day"));
        // Read-only fields are ignored, but not of any type.
        m.add(Map.entry("id", "abc"));
        m.add(Map.entry("status", 42));
        m.add(Map.entry("resolved", "yes"));
        m.add(Map.entry("nextRunTime", "tomorrow"));
        for (Map<String, Object> r : List.of(Json.object("unit", "fortnightly"), Json.object("every", 0),
                Json.object("every", "two"), Json.object("weekdays", List.of("funday")),
                Json.object("weekdays", List.of("monday", "monday", "monday", "monday", "monday", "monday",
                        "monday", "monday")), Json.object("positions", List.of(367)),
                Json.object("startDate", "2026-02-30"), Json.object("startTime", "25:00"),
                Json.object("endTime", "9 o'clock"), Json.object("maxEvents", 0),
                Json.object("cron", "0 ".repeat(101)), Json.object("zone", "Z".repeat(65)),
                Json.object("colour", 1))) {
            m.add(Map.entry("recurrence", r));
        }
        return m;
    }

    /**
     * Sends a body that the document refuses, after checking that it does, and expects 400 and no change; sends
     * one that the document allows, after checking that it does, and expects {@code accepted}.
     */
    private List<String> judge(Map<String, Object> schema, Map<String, Object> body, boolean valid,
            Function<String, LinodApi.Reply> send, int accepted) {
        List<String> failures = new ArrayList<>();
        Object parsed = Json.parse(Json.write(body));
        List<String> violations = document.violations(schema, parsed);
        if (valid != violations.isEmpty()) {
            failures.add("the document " + (valid ? "refuses " + violations : "allows") + " " + Json.write(body));
            return failures;
        }
        LinodApi.Reply reply = send.apply(Json.write(body));
        if (valid ? reply.status() != accepted : reply.status() != 400 || reply.problemMismatch() != null) {
            failures.add((valid ? "valid by the document, " : "invalid by the document " + violations + ", ")
                    + reply);
        }
        return failures;
    }

    @Test
    void postAcceptsWhatTheDocumentAllowsAndNothingElse() {
        Map<String, Object> schema = document.requestSchema("/tasks", "post", "application/json");
        List<String> failures = new ArrayList<>();
        Function<String, LinodApi.Reply> post = body -> staff.send("POST", "tasks", "application/json", body);
        long before = staff.taskCount();
        for (Map.Entry<String, Object> mistake : mistakes()) {
            Map<String, Object> body = newTask("it-api-doc-bad");
            body.put(mistake.getKey(), mistake.getValue());
            failures.addAll(judge(schema, body, false, post, 201));
        }
        failures.addAll(judge(schema, Json.object("name", "no procedure"), false, post, 201));
        failures.addAll(judge(schema, Json.object("procedure", 42), false, post, 201));
        assertEquals(before, staff.taskCount(), "a refused POST created a task");

        Map<String, Object> full = newTask("it-api-doc-full");
        full.putAll(Json.object("seqno", 5, "logLevel", "DEBUG", "disabled", true, "parameters", "x",
                "recurrence", Json.object("unit", "weekly", "every", 2, "weekdays", List.of("monday"),
                        "startTime", "06:30")));
        Map<String, Object> echoed = newTask("it-api-doc-echo");
        echoed.putAll(Json.object("id", 1, "status", "made up", "nextRunTime", "2026-01-01T00:00:00Z",
                "revision", 3));
        for (Map<String, Object> valid : List.of(newTask("it-api-doc-plain"), Json.object("procedure", "checkdata",
                "disabled", true), full, echoed)) {
            failures.addAll(judge(schema, valid, true, post, 201));
        }
        assertEquals(List.of(), failures);
    }

    private static Map<String, Object> newTask(String prefix) {
        return Json.object("procedure", "checkdata", "name", LinodApi.uniqueName(prefix),
                "recurrence", Json.object("unit", "never", "every", 1));
    }

    @Test
    void putAndPatchAcceptWhatTheDocumentAllowsAndNothingElse() {
        long id = id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-doc-change")));
        Map<String, Object> put = document.requestSchema("/tasks/{id}", "put", "application/json");
        Map<String, Object> patch = document.requestSchema("/tasks/{id}", "patch", LinodApi.MERGE_PATCH);
        Function<String, LinodApi.Reply> sendPut = body -> staff.send("PUT", "tasks/" + id, "application/json", body);
        Function<String, LinodApi.Reply> sendPatch = body -> staff.send("PATCH", "tasks/" + id, LinodApi.MERGE_PATCH,
                body);
        List<String> failures = new ArrayList<>();
        String before = Json.write(staff.task(id));
        for (Map.Entry<String, Object> mistake : mistakes()) {
            Map<String, Object> whole = new LinkedHashMap<>(staff.task(id));
            whole.put(mistake.getKey(), mistake.getValue());
            failures.addAll(judge(put, whole, false, sendPut, 200));
            failures.addAll(judge(patch, Json.object(mistake.getKey(), mistake.getValue()), false, sendPatch, 200));
        }
        Map<String, Object> partial = Json.object("revision", staff.task(id).get("revision"), "name", "only");
        failures.addAll(judge(put, partial, false, sendPut, 200));
        assertEquals(before, Json.write(staff.task(id)), "a refused change changed the task");

        List<Function<Map<String, Object>, Map<String, Object>>> changes = List.of(
                t -> t,
                t -> with(t, "name", "changed through the document"),
                t -> with(t, "parameters", NULL),
                t -> with(t, "recurrence", Json.object("unit", "monthly", "every", 1, "weekdays", List.of("friday"),
                        "positions", List.of(-1), "startTime", "09:00")));
        for (Function<Map<String, Object>, Map<String, Object>> change : changes) {
            failures.addAll(judge(put, change.apply(new LinkedHashMap<>(staff.task(id))), true, sendPut, 200));
        }
        for (Map<String, Object> valid : List.of(Json.object("name", "patched"), Json.object("parameters",
                NULL), Json.object("recurrence", Json.object("every", 3)), Json.object("logLevel", "ERROR",
                "disabled", false), Json.object("status", "ignored"), Json.object())) {
            failures.addAll(judge(patch, valid, true, sendPatch, 200));
        }
        assertEquals(List.of(), failures);
    }

    private static Map<String, Object> with(Map<String, Object> task, String field, Object value) {
        task.put(field, value);
        return task;
    }
}
