package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lino.linod.it.RunningLinod;
import lino.linod.it.Wire;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: anonymous requests get 401 with a Basic challenge, a viewer may read everything but
 * {@code /users} and gets 403 on every write, which then changes nothing.
 */
class AccessIT {

    private final LinodApi staff = LinodApi.staff();

    /** Every endpoint, reads and writes, on an existing task and run. */
    private List<String[]> everyEndpoint(long taskId, long runId) {
        String task = "tasks/" + taskId;
        String body = Json.write(Json.object("name", "changed by a stranger", "revision", 0));
        return List.of(
                new String[] {"GET", "procedures", null},
                new String[] {"GET", "tasks", null},
                new String[] {"GET", task, null},
                new String[] {"GET", task + "/runs", null},
                new String[] {"GET", task + "/changes", null},
                new String[] {"GET", "runs/" + runId, null},
                new String[] {"GET", "status", null},
                new String[] {"GET", "openapi.yaml", null},
                new String[] {"GET", "users", null},
                new String[] {"POST", "tasks",
                        Json.write(Json.object("procedure", "checkdata",
                                "recurrence", Json.object("every", 1, "unit", "never")))},
                new String[] {"PUT", task, body},
                new String[] {"PATCH", task, body},
                new String[] {"DELETE", task, null},
                new String[] {"POST", task + "/run-now", null},
                new String[] {"POST", task + "/cancel-request", null},
                new String[] {"POST", task + "/stop-run", null},
                new String[] {"PUT", "users/it-api-intruder",
                        Json.write(Json.object("password", "Intruder-1", "roles", List.of("staff")))},
                new String[] {"DELETE", "users/" + RunningLinod.ADMIN, null});
    }

    private long[] taskWithRun() {
        long taskId = id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-access")));
        staff.post("tasks/" + taskId + "/run-now", null).expect(200);
        long runId = id(staff.awaitFinishedRuns(taskId, 1, Duration.ofSeconds(30)).get(0));
        return new long[] {taskId, runId};
    }

    @Test
    void anonymousAndWrongPasswordGet401WithABasicChallengeEverywhere() {
        long[] ids = taskWithRun();
        Map<String, Object> before = staff.task(ids[0]);
        List<String> failures = new ArrayList<>();
        // Each stranger's request comes from an address of its own and wrong passwords go to names of their own:
        // sign-in throttling (security.ThrottleIT) would otherwise answer 429 instead, and slow down admin.
        List<String> strangers = new ArrayList<>();
        strangers.add(null);
        strangers.add(Wire.basic(RunningLinod.ADMIN, "wrong"));
        strangers.add("wrong password, new name");
        strangers.add("unknown user");
        for (String stranger : strangers) {
            boolean once = stranger != null && stranger.startsWith("Basic ");
            for (String[] e : once ? everyEndpoint(ids[0], ids[1]).subList(0, 1) : everyEndpoint(ids[0], ids[1])) {
                Map<String, String> headers = new java.util.HashMap<>();
                if (e[2] != null) {
                    headers.put("Content-Type", "application/json");
                }
                if ("wrong password, new name".equals(stranger)) {
                    String victim = LinodApi.uniqueName("it-api-victim");
                    staff.put("users/" + victim, Json.object("password", "Victim-pw-1", "roles", List.of("staff")))
                            .expect(201);
                    headers.put("Authorization", Wire.basic(victim, "wrong"));
                } else if ("unknown user".equals(stranger)) {
                    headers.put("Authorization", Wire.basic(LinodApi.uniqueName("nobody"), "nothing"));
                } else if (stranger != null) {
                    headers.put("Authorization", stranger);
                }
                Wire.Reply reply = Wire.fresh().send(e[0], "api/" + e[1], headers, e[2]);
                if (reply.status() != 401) {
                    failures.add("expected 401: " + reply);
                } else if (!String.valueOf(reply.header("WWW-Authenticate")).toLowerCase().startsWith("basic")) {
                    failures.add("expected WWW-Authenticate: Basic …, was '" + reply.header("WWW-Authenticate")
                            + "': " + reply);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(Json.write(without(before)), Json.write(without(staff.task(ids[0]))),
                "a stranger changed the task");
        assertFalse(staff.get("users").expect(200).body().contains("it-api-intruder"));
    }

    @Test
    void viewerReadsEverythingButUsers() {
        long[] ids = taskWithRun();
        LinodApi viewer = LinodApi.viewer();
        List<String> failures = new ArrayList<>();
        for (String[] e : everyEndpoint(ids[0], ids[1])) {
            if (!e[0].equals("GET") || e[1].equals("users")) {
                continue;
            }
            LinodApi.Reply reply = viewer.get(e[1]);
            if (reply.status() != 200) {
                failures.add("expected 200: " + reply);
            }
        }
        LinodApi.Reply text = viewer.get("status", "text/plain");
        if (text.status() != 200 || !text.body().contains("scheduled jobs:")) {
            failures.add("expected the listing: " + text);
        }
        assertEquals(List.of(), failures);
        viewer.get("users").expectProblem(403);
    }

    @Test
    void viewerGets403OnEveryWriteAndNothingChanges() {
        long[] ids = taskWithRun();
        LinodApi viewer = LinodApi.viewer();
        Map<String, Object> before = staff.task(ids[0]);
        int changes = staff.changes(ids[0]).size();
        long tasks = staff.taskCount();
        String users = staff.get("users").expect(200).body();
        List<String> failures = new ArrayList<>();
        for (String[] e : everyEndpoint(ids[0], ids[1])) {
            if (e[0].equals("GET") && !e[1].equals("users")) {
                continue;
            }
            String body = e[2];
            if ((e[0].equals("PUT") || e[0].equals("PATCH")) && e[1].startsWith("tasks/")) {
                body = Json.write(Json.object("name", "changed by a viewer", "revision", before.get("revision")));
            }
            LinodApi.Reply reply = viewer.send(e[0], e[1], body == null ? null
                    : e[0].equals("PATCH") ? LinodApi.MERGE_PATCH : "application/json", body);
            String mismatch = reply.status() == 403 ? reply.problemMismatch() : "expected 403";
            if (mismatch != null) {
                failures.add(mismatch + ": " + reply);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(Json.write(without(before)), Json.write(without(staff.task(ids[0]))),
                "a viewer changed the task");
        assertEquals(changes, staff.changes(ids[0]).size(), "a viewer's request left an audit row");
        assertEquals(tasks, staff.taskCount(), "a viewer created or deleted a task");
        assertEquals(users, staff.get("users").expect(200).body(), "a viewer changed the users");
    }

    @Test
    void staffMayWrite() {
        long taskId = id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-staff")));
        Map<String, Object> changed = staff.update(taskId, "disabled", true);
        assertEquals(Boolean.TRUE, changed.get("disabled"));
        staff.post("tasks/" + taskId + "/run-now", null).expect(200);
        staff.post("tasks/" + taskId + "/cancel-request", null).expect(200);
        staff.delete("tasks/" + taskId).expect(204);
        staff.get("tasks/" + taskId).expectProblem(404);
        assertTrue(staff.get("users").expect(200).list().size() >= 1);
    }

    /** The task without what the daemon changes by itself. */
    static Map<String, Object> without(Map<String, Object> task) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(task);
        for (String daemonOwned : List.of("status", "nextRunTime", "lastStartTime", "lastEndTime", "message",
                "revision", "requestedAt")) {
            copy.remove(daemonOwned);
        }
        return copy;
    }
}
