package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import lino.linod.it.Measured;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.Test;

/**
 * A generated run of hostile requests: each carries at least one definite client mistake (a wrong type, a value
 * out of range, a huge or unknown string, broken JSON, a wrong content type, an unknown id), mixed with markup,
 * script and unicode payloads that would be valid alone. Each must get a 4xx problem, none a 5xx, and the database
 * must be as before. The seed is fixed and printed; {@code -Dapi.seed=N} tries another.
 */
class HostileInputIT {

    private static final long SEED = Long.getLong("api.seed", 20_260_405L);
    private static final int RANDOM_REQUESTS = 240;

    /** Strings that are hostile but may be valid where free text is allowed. */
    private static final List<String> PAYLOADS = List.of("<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "'; DROP TABLE SYSTEM_TASK; --", "${jndi:ldap://127.0.0.1/x}",
            "#{7*7}", "{{7*7}}", "日本語のタスク", "Ünïcödé ✓ 🚀👨‍👩‍👧", "\u202Eevil", "nul\u0000byte", "\ud800",
            "line\nbreak\r\ttab", "%00%0a", "../../etc/passwd", " ", "\\u0041", "null", "NaN", "<!--", "]]>");
    private static final List<String> HUGE = List.of("A".repeat(100_000), "é".repeat(60_000), "🚀".repeat(30_000),
            "<b>".repeat(20_000));

    private final LinodApi staff = LinodApi.staff();
    private final Random random = new Random(SEED);

    /** One request to send: method, path, content type (null: none), body (null: none), headers. */
    private record Attempt(String method, String path, String contentType, String body, String... headers) {
    }

    private Object pick(List<?> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Json.Raw raw(String json) {
        return new Json.Raw(json);
    }

    private static List<Object> with(List<?> first, List<?>... more) {
        List<Object> all = new ArrayList<>(first);
        for (List<?> m : more) {
            all.addAll(m);
        }
        return all;
    }

    // Values that are wrong for every field they are given to, by type or by range.
    private static final List<Object> NOT_A_STRING = List.of(42, raw("1e400"), true, List.of(), Map.of(),
            raw("[\"a\",[\"b\"]]"), raw("{\"$ne\":null}"));
    private static final List<Object> NOT_AN_INT = List.of(raw("99999999999999999999"), raw("1e400"),
            raw("-1e400"), 2.5, "abc", "", true, List.of(), Map.of(), raw("-99999999999999999999"), "<script>");
    private static final List<Object> NOT_A_BOOLEAN = List.of("yes", "", 1, 0, List.of(), Map.of(), "<script>",
            raw("1e400"));

    private List<Object> unknownNames() {
        return with(PAYLOADS, HUGE, List.of("", "no_such_thing"));
    }

    private Map<String, List<Object>> taskMistakes() {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        m.put("name", with(NOT_A_STRING, HUGE, List.of("", "x".repeat(201))));
        m.put("seqno", with(NOT_AN_INT, List.of(0, -1, 1_000_001, Integer.MIN_VALUE, raw("2147483648"))));
        m.put("logLevel", with(NOT_A_STRING, unknownNames(), List.of("VERBOSE", "TRACE")));
        m.put("disabled", NOT_A_BOOLEAN);
        m.put("parameters", with(List.of(42, true, List.of(1), "p".repeat(2001)), HUGE));
        List<Object> recurrences = new ArrayList<>(List.of("daily", 5, true, List.of()));
        for (Object every : with(NOT_AN_INT, List.of(0, -1, Integer.MIN_VALUE))) {
            recurrences.add(Json.object("unit", "daily", "every", every));
        }
        for (Object unit : with(unknownNames(), NOT_A_STRING)) {
            recurrences.add(Json.object("unit", unit, "every", 1));
        }
        for (Object cron : with(PAYLOADS, List.of("* * *", "61 * * * *", "@daily", "0 9 * * MON-FRI/2",
                "0 0 9 * * * 2026", "0 9 * * 8", "0 9 L W * *"), NOT_A_STRING)) {
            if (!" ".equals(cron) && !"null".equals(cron)) {
                recurrences.add(Json.object("cron", cron));
            }
        }
        for (Object zone : with(PAYLOADS, List.of("Mars/Olympus_Mons", "UTC+25", "Europe/Atlantis"), NOT_A_STRING)) {
            recurrences.add(Json.object("unit", "daily", "every", 1, "zone", zone));
        }
        for (Object date : with(PAYLOADS, List.of("2026-02-30", "yesterday", "2026-13-01"))) {
            recurrences.add(Json.object("unit", "daily", "every", 1, "startDate", date));
        }
        for (Object time : with(PAYLOADS, List.of("25:00", "12:60", "noon", "-01:00"))) {
            recurrences.add(Json.object("unit", "daily", "every", 1, "startTime", time));
        }
        recurrences.add(Json.object("unit", "weekly", "every", 1, "weekdays", List.of("funday")));
        recurrences.add(Json.object("unit", "weekly", "every", 1, "weekdays", "monday"));
        recurrences.add(Json.object("unit", "monthly", "every", 1, "weekdays", List.of("monday"),
                "positions", List.of(0)));
        recurrences.add(Json.object("unit", "monthly", "every", 1, "weekdays", List.of("monday"),
                "positions", List.of(raw("99999999999999999999"))));
        recurrences.add(Json.object("unit", "monthly", "every", 1, "positions", List.of(1)));
        recurrences.add(Json.object("unit", "daily", "every", 1, "startDate", "2026-05-10", "endDate", "2026-05-01"));
        recurrences.add(Json.object("unit", "daily", "every", 1, "maxEvents", 0));
        recurrences.add(Json.object("unit", "daily", "every", 1, "maxEvents", raw("1e400")));
        recurrences.add(Json.object("unit", "once", "every", 1));
        m.put("recurrence", recurrences);
        m.put("revision", List.of("abc", true, List.of(), Map.of(), raw("1e400"), -1, raw("99999999999999999999")));
        return m;
    }

    private Map<String, List<Object>> newTaskMistakes() {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        m.put("procedure", with(unknownNames(), NOT_A_STRING, java.util.Collections.singletonList(null)));
        m.put("every", with(NOT_AN_INT, List.of(0, -1, Integer.MIN_VALUE)));
        m.put("unit", with(unknownNames(), NOT_A_STRING, List.of("dailyy")));
        m.put("name", with(NOT_A_STRING, HUGE, List.of("x".repeat(201))));
        return m;
    }

    private Map<String, List<Object>> userMistakes() {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        m.put("password", with(List.of(""), NOT_A_STRING, java.util.Collections.singletonList(null)));
        m.put("roles", with(List.of("staff", 5, Map.of(), List.of(5), java.util.Collections.singletonList(null),
                List.of("root"), List.of("staff", "root"), List.of(List.of("staff"))), PAYLOADS.stream()
                .map(List::of).toList()));
        return m;
    }

    private String mutated(Map<String, Object> base, Map<String, List<Object>> mistakes, Map<String, Object> noise) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        int noisy = random.nextInt(3);
        List<String> noiseFields = new ArrayList<>(noise.keySet());
        for (int i = 0; i < noisy && !noiseFields.isEmpty(); i++) {
            String field = noiseFields.remove(random.nextInt(noiseFields.size()));
            Object value = noise.get(field);
            body.put(field, value instanceof List<?> choices ? pick(choices) : value);
        }
        List<String> fields = new ArrayList<>(mistakes.keySet());
        int wrong = 1 + random.nextInt(2);
        for (int i = 0; i < wrong; i++) {
            String field = fields.remove(random.nextInt(fields.size()));
            body.put(field, pick(mistakes.get(field)));
        }
        return Json.write(body);
    }

    private List<Attempt> attempts(long target, Object version) {
        String task = "tasks/" + target;
        String ifMatch = "\"" + version + "\"";
        List<Attempt> all = new ArrayList<>();
        String validNew = Json.write(Json.object("procedure", "checkdata",
                "recurrence", Json.object("every", 1, "unit", "never"),
                "name", "it-api-hostile-created"));
        String validChange = Json.write(Json.object("revision", version, "name", "changed by hostile run",
                "disabled", false));
        String validUser = Json.write(Json.object("password", "Hostile-pass-1", "roles", List.of("staff")));

        List<String> malformed = List.of("{", "}", "{\"name\":}", "{\"name\":\"x\",}", "{'name':'x'}", "[1,2",
                "\"unterminated", "nul", "{\"a\":1}}", "\u0000", "", "   ", "null", "true", "42", "[]",
                "{\"version\":1 \"name\":\"x\"}", "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "\"" + "\\".repeat(1001) + "\"",
                "{\"name\":\"\\uZZZZ\"}", "<task><procedure>checkdata</procedure></task>");
        for (String body : malformed) {
            all.add(new Attempt("POST", "tasks", "application/json", body));
            all.add(new Attempt("PUT", task, "application/json", body));
            all.add(new Attempt("PATCH", task, LinodApi.MERGE_PATCH, body));
            all.add(new Attempt("PUT", "users/it-api-hostile-m", "application/json", body));
        }
        List<String> wrongTypes = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xyz", "text/html; charset=utf-8", "application/octet-stream");
        for (String type : wrongTypes) {
            all.add(new Attempt("POST", "tasks", type, validNew));
            all.add(new Attempt("PUT", task, type, validChange));
            all.add(new Attempt("PUT", "users/it-api-hostile-t", type, validUser));
        }
        all.add(new Attempt("POST", "tasks", "application/x-www-form-urlencoded",
                "procedure=checkdata&every=1&unit=never"));
        all.add(new Attempt("PATCH", task, LinodApi.MERGE_PATCH, Json.write(Json.object("name", "stale")), "If-Match",
                "\"" + version + "999\""));
        all.add(new Attempt("PATCH", task, LinodApi.MERGE_PATCH,
                Json.write(Json.object("name", "bad etag")), "If-Match",
                "not-an-etag"));
        all.add(new Attempt("DELETE", task, null, null, "If-Match", "\"-1\""));

        List<String> unknownIds = List.of("987654321", "0", "-1", "99999999999999999999", "abc", "1e400",
                "%3Cscript%3Ealert(1)%3C%3Escript%3E", "%E6%97%A5%E6%9C%AC", "%27%20OR%201%3D1",
                "9223372036854775807", "1.5");
        for (String bad : unknownIds) {
            all.add(new Attempt("POST", "tasks/" + bad + "/run-now", null, null));
            all.add(new Attempt("POST", "tasks/" + bad + "/cancel-request", null, null));
            all.add(new Attempt("GET", "tasks/" + bad, null, null));
            all.add(new Attempt("DELETE", "tasks/" + bad, null, null));
            all.add(new Attempt("PUT", "tasks/" + bad, "application/json", validChange));
            all.add(new Attempt("GET", "tasks/" + bad + "/runs", null, null));
            all.add(new Attempt("GET", "tasks/" + bad + "/changes", null, null));
            all.add(new Attempt("GET", "runs/" + bad, null, null));
        }
        for (String bad : List.of("it-api-nobody", "%3Cscript%3E", "%E6%97%A5", "%20")) {
            all.add(new Attempt("DELETE", "users/" + bad, null, null));
        }
        for (String query : List.of("page=-1", "size=0", "size=-1", "page=abc", "size=1e400",
                "page=99999999999999999999", "size=%3Cscript%3E")) {
            all.add(new Attempt("GET", task + "/runs?" + query, null, null));
        }
        all.add(new Attempt("PATCH", task, "application/json", validChange));
        all.add(new Attempt("PUT", "tasks", "application/json", validChange));
        all.add(new Attempt("DELETE", "tasks", null, null));
        all.add(new Attempt("POST", task, "application/json", validChange));
        all.add(new Attempt("PUT", "procedures", "application/json", "[]"));
        all.add(new Attempt("DELETE", "status", null, null));
        all.add(new Attempt("GET", task + "/run-now", null, null));

        Map<String, Object> noisyTask = Json.object("name", with(PAYLOADS, List.of("n".repeat(200))),
                "parameters", with(PAYLOADS, List.of("p".repeat(2000))), "logLevel", "CRITICAL", "disabled", false,
                "seqno", 7, "recurrence", Json.object("unit", "hourly", "every", 3));
        Map<String, Object> noisyNew = Json.object("name", PAYLOADS);
        Map<String, Object> noisyUser = Json.object("password", with(PAYLOADS.subList(0, 10), HUGE));
        for (int i = 0; i < RANDOM_REQUESTS; i++) {
            switch (i % 3) {
                case 0 -> all.add(new Attempt("POST", "tasks", "application/json", mutated(
                        Json.object("procedure", "checkdata",
                                "recurrence", Json.object("every", 1, "unit", "never")), newTaskMistakes(),
                        noisyNew)));
                case 1 -> {
                    if (random.nextInt(5) == 0) {
                        Map<String, List<Object>> mistakes = taskMistakes();
                        mistakes.remove("revision");
                        all.add(new Attempt("PATCH", task, LinodApi.MERGE_PATCH,
                                mutated(Map.of(), mistakes, noisyTask), "If-Match", ifMatch));
                    } else {
                        all.add(new Attempt("PATCH", task, LinodApi.MERGE_PATCH,
                                mutated(Json.object("revision", version), taskMistakes(), noisyTask)));
                    }
                }
                default -> all.add(new Attempt("PUT", "users/it-api-hostile-" + i, "application/json", mutated(
                        Json.object("password", "Hostile-pass-1", "roles", List.of("viewer")), userMistakes(),
                        noisyUser)));
            }
        }
        return all;
    }

    /**
     * Edge values that a server may accept or refuse, sent to a scratch task: whatever the answer, never a 5xx.
     */
    @Test
    void edgeValuesNeverGiveA5xx() {
        long scratch = id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-edge")));
        staff.update(scratch, "disabled", true);
        List<Object> recurrences = List.of(
                Json.object("unit", "daily", "every", Integer.MAX_VALUE),
                Json.object("unit", "secondly", "every", Integer.MAX_VALUE),
                Json.object("unit", "yearly", "every", 1, "startDate", "+999999999-12-31"),
                Json.object("unit", "daily", "every", 1, "startDate", "-999999999-01-01"),
                Json.object("unit", "daily", "every", 1, "endDate", "1970-01-01"),
                Json.object("unit", "daily", "every", 1, "maxEvents", Integer.MAX_VALUE),
                Json.object("unit", "monthly", "every", 1, "weekdays", List.of("friday"), "positions", List.of(-5)),
                Json.object("unit", "easter", "every", 1),
                Json.object("unit", "never", "every", 1),
                Json.object("cron", "0 0 0 31 2 *"),
                Json.object("cron", "0 0 0 29 2 *"),
                Json.object("cron", "59 59 23 L 12 *"),
                Json.object("unit", "daily", "every", 1, "zone", "+14:00"),
                Json.object("unit", "daily", "every", 1, "zone", "Z"),
                Json.object("unit", "daily", "every", 1, "zone", "GMT0"),
                Json.object("unit", "DAILY", "every", 1),
                Json.object());
        List<String> failures = new ArrayList<>();
        for (Object recurrence : recurrences) {
            LinodApi.Reply reply = staff.patch("tasks/" + scratch, Json.object("recurrence", recurrence),
                    "If-Match", staff.get("tasks/" + scratch).expect(200).header("ETag"));
            if (reply.status() >= 500 || reply.status() >= 400 && reply.problemMismatch() != null) {
                failures.add(reply.toString());
            }
        }
        for (Object[] edge : new Object[][] {{"seqno", 1_000_000}, {"seqno", 1}, {"name", "\ud83d\ude80"},
                {"parameters", ""}, {"name", " padded "}}) {
            LinodApi.Reply reply = staff.patch("tasks/" + scratch, Json.object(edge[0], edge[1]),
                    "If-Match", staff.get("tasks/" + scratch).expect(200).header("ETag"));
            if (reply.status() >= 500 || reply.status() >= 400 && reply.problemMismatch() != null) {
                failures.add(reply.toString());
            }
        }
        // Without a content type a server may read the JSON or refuse it with 415.
        for (String[] noType : new String[][] {{"POST", "tasks", Json.write(Json.object("procedure", "checkdata",

                        "recurrence", Json.object("every", 1, "unit", "never"),
                        "name", LinodApi.uniqueName("it-api-edge-untyped")))},
                {"PUT", "tasks/" + scratch, Json.write(Json.object("name", "untyped",
                        "revision", staff.task(scratch).get("revision")))}}) {
            LinodApi.Reply reply = staff.send(noType[0], noType[1], null, noType[2]);
            if (reply.status() >= 500 || reply.status() >= 400 && reply.problemMismatch() != null) {
                failures.add(reply.toString());
            }
        }
        staff.get("tasks").expect(200);
        staff.get("status", "text/plain").expect(200);
        assertEquals(List.of(), failures);
    }

    /** What must not change: every task's id and name, and how many audit rows users made on it. */
    private Map<Long, String> tasksAndChanges() {
        Map<Long, String> state = new TreeMap<>();
        for (Map<String, Object> t : staff.allTasks()) {
            long byUsers = staff.changes(id(t)).stream().filter(r -> !LinodApi.DAEMON_USER.equals(r.get("user")))
                    .count();
            state.put(id(t), t.get("name") + " / " + byUsers + " changes by users");
        }
        return state;
    }

    @Test
    void hostileRequestsGetA4xxProblemAndChangeNothing() {
        Measured.say("HostileInputIT seed: " + SEED + " (-Dapi.seed=N to change)");
        long target = id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-hostile-target")));
        staff.update(target, "disabled", true, "parameters", "calm",
                "recurrence", Json.object("unit", "weekly", "every", 1, "weekdays", List.of("saturday"),
                        "startTime", "04:00"));
        Map<String, Object> before = staff.task(target);
        Map<Long, String> tasksBefore = tasksAndChanges();
        Object usersBefore = staff.get("users").expect(200).json();

        List<Attempt> attempts = attempts(target, before.get("revision"));
        assertTrue(attempts.size() >= 200, "only " + attempts.size() + " requests");
        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            try {
                LinodApi.Reply reply = staff.send(a.method(), a.path(), a.contentType(), a.body(), a.headers());
                String mismatch = reply.status() >= 400 && reply.status() < 500 ? reply.problemMismatch()
                        : "expected a 4xx";
                if (reply.status() >= 500) {
                    serverErrors++;
                }
                if (mismatch != null) {
                    failures.add("#" + i + " " + mismatch + ": " + reply);
                }
            } catch (UncheckedIOException e) {
                failures.add("#" + i + " " + a.method() + " " + a.path() + ": " + e.getCause());
            }
        }
        String seed = "seed " + SEED + ", " + attempts.size() + " requests: ";
        int errors = serverErrors;
        assertAll(
            () -> assertTrue(failures.isEmpty(), seed + failures.size() + " failed (" + errors + " with 5xx), the"
                    + " first 40:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size())))
                    + (errors > 0 ? "\nserver output:\n" + RunningLinod.output() : "")),
            () -> assertEquals(Json.write(before), Json.write(staff.task(target)), seed + "the target task changed"),
            () -> assertEquals(tasksBefore, tasksAndChanges(), seed + "tasks or their audit trails changed"),
            () -> assertEquals(Json.write(usersBefore), Json.write(staff.get("users").expect(200).json()),
                    seed + "the users changed"));
    }
}
