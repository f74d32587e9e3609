package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A database made by linod 0.1.0 ({@code src/test/resources/linod-0.1.0/}: tables by EclipseLink's automatic DDL,
 * rows by its {@code make-data.sh}) and the facts an upgrade must keep: users and roles, the audit trail and the
 * old runs unchanged, the tasks with their settings. Read before and after the new code has run on it.
 */
final class Release010 {

    /** The passwords {@code make-data.sh} gave. */
    static final String ADMIN_PASSWORD = "Admin-0.1.0";
    static final String VIEWER = "vera";
    static final String VIEWER_PASSWORD = "Vera-0.1.0";

    private static final String TASK_SETTINGS = "ID, SEQNO, NAME, PROCEDURE_NAME, LOG_LEVEL, PARAMETERS, REVISION,"
            + " EVERY_UNIT, EVERY_VALUE, POSITIONS, START_DATE, START_TIME, END_DATE, END_TIME, MAX_EVENTS, CRON,"
            + " ZONE_ID";

    /** Demo procedures that linod 0.1.0 did not have: their tasks are made at the take-over. */
    static final List<String> NEWER_PROCEDURES = List.of("make_invoices");

    final List<String> users;
    final List<String> roles;
    final List<String> changes;
    final List<String> runs;
    final List<String> tasks;
    final Set<Long> disabled;
    final long maxId;

    private Release010(Connection c) throws SQLException {
        users = Databases.rows(c, "LINOD_USER", "NAME, PASSWORD_HASH", "NAME");
        roles = Databases.rows(c, "LINOD_USER_ROLE", "USER_NAME, ROLE_NAME", "USER_NAME, ROLE_NAME");
        changes = Databases.rows(c, "LINOD_CHANGE",
                "ID, TASK_ID, CHANGED_AT, CHANGED_BY, FIELD_NAME, OLD_VALUE, NEW_VALUE", "ID");
        runs = Databases.rows(c, "LINOD_RUN", "ID, TASK_ID, TASK_NAME, START_TIME, END_TIME, OUTCOME, CAPTURED_LOG,"
                + " NODE_NAME, RUN_AS, PROGRESS, PROGRESS_TEXT", "ID");
        tasks = Databases.rows(c, "LINOD_SYSTEM_TASK", TASK_SETTINGS, "ID");
        disabled = Databases.rows(c, "LINOD_SYSTEM_TASK", "ID, DISABLED", "ID").stream()
                .map(r -> r.split(" \\| ")).filter(r -> "1".equals(r[1]) || "true".equals(r[1]))
                .map(r -> Long.parseLong(r[0])).collect(Collectors.toSet());
        maxId = Math.max(Databases.count(c, "SELECT MAX(ID) FROM LINOD_RUN"),
                Math.max(Databases.count(c, "SELECT MAX(ID) FROM LINOD_CHANGE"),
                        Databases.count(c, "SELECT MAX(ID) FROM LINOD_SYSTEM_TASK")));
    }

    /** Loads the 0.1.0 database of {@code dbms} ("derby" or "postgresql") into an empty one and reads it. */
    static Release010 load(Connection c, String dbms) throws Exception {
        Databases.runScript(c, "/linod-0.1.0/" + dbms + ".sql");
        assertTrue(Databases.tableExists(c, "LINOD_SEQUENCE"), "the 0.1.0 id table was loaded");
        return new Release010(c);
    }

    /** Over HTTP, on the new code: the old users sign in with their roles; old tasks, runs and logs are read. */
    void checkOverHttp(LinodServer server) {
        Http.Reply tasksReply = Http.get(server, "api/tasks", "admin", ADMIN_PASSWORD);
        assertEquals(200, tasksReply.status(), "the 0.1.0 admin signs in with the 0.1.0 password: "
                + tasksReply.body() + "\n" + server.tail());
        List<Map<String, Object>> list = Http.get(server, "api/tasks?size=500", "admin", ADMIN_PASSWORD).items();
        // Procedures that came after 0.1.0 (the demo's make_invoices) get their tasks at the take-over.
        assertEquals(tasks.size(), list.stream().filter(t -> !NEWER_PROCEDURES.contains(t.get("procedure")))
                .count(), "every 0.1.0 task is listed");
        assertEquals(200, Http.get(server, "api/tasks", VIEWER, VIEWER_PASSWORD).status(), "the viewer reads");
        assertEquals(403, Http.call(server, "POST", "api/tasks", VIEWER, VIEWER_PASSWORD,
                "{\"procedure\":\"checkdata\",\"recurrence\":{\"every\":1,\"unit\":\"never\"}}").status(), "and still may not write");

        long oldRun = Long.parseLong(runs.get(0).split(" \\| ")[0]);
        Map<String, Object> run = Http.get(server, "api/runs/" + oldRun, "admin", ADMIN_PASSWORD).object();
        String storedLog = runs.get(0).split(" \\| ")[6];
        assertEquals(storedLog, String.valueOf(run.get("log")), "an old run's captured log, read by the new code");

        long checkdata = list.stream().filter(t -> "checkdata".equals(t.get("procedure")))
                .mapToLong(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
        assertEquals(200, Http.call(server, "POST", "api/tasks/" + checkdata + "/run-now", "admin", ADMIN_PASSWORD,
                null).status());
        long newRun = Poll.until("a new run of the old checkdata task", Duration.ofSeconds(60), () -> {
            List<Map<String, Object>> runsOfTask = Http.get(server, "api/tasks/" + checkdata + "/runs?page=0&size=5",
                    "admin", ADMIN_PASSWORD).items();
            return runsOfTask.stream().filter(r -> !"RUNNING".equals(r.get("outcome")))
                    .map(r -> ((Number) r.get("id")).longValue()).filter(id -> id > maxId).findFirst().orElse(null);
        });
        assertTrue(newRun > maxId, "new ids lie above every 0.1.0 id");
        Http.Reply created = Http.call(server, "POST", "api/tasks", "admin", ADMIN_PASSWORD,
                "{\"procedure\":\"checkdata\",\"name\":\"after the upgrade\",\"recurrence\":{\"every\":1,\"unit\":\"never\"}}");
        assertEquals(201, created.status(), created.body());
        assertTrue(((Number) created.object().get("id")).longValue() > maxId, "a new task's id: " + created.body());
    }

    private static List<String> names(List<String> userRows) {
        return userRows.stream().map(r -> r.split(" \\| ")[0]).toList();
    }

    /** In the database after the new code ran: the old rows are all there, unchanged. */
    void checkKept(Connection c) throws SQLException {
        Release010 after = new Release010(c);
        assertEquals(names(users), names(after.users), "users");
        for (int i = 0; i < users.size(); i++) {
            String[] old = users.get(i).split(" \\| ");
            String[] now = after.users.get(i).split(" \\| ");
            if (old[0].equals("admin") || old[0].equals(VIEWER)) {
                assertTrue(old[1].startsWith("PBKDF2WithHmacSHA256:2048:"), "0.1.0's hash: " + old[1]);
                assertTrue(now[1].startsWith("PBKDF2WithHmacSHA256:600000:"),
                        "signed in, so the hash was made anew with current parameters: " + now[1]);
            } else {
                assertEquals(old[1], now[1], "the hash of a user who did not sign in stays");
            }
        }
        assertEquals(roles, after.roles, "roles");
        assertTrue(after.changes.containsAll(changes), "the whole 0.1.0 audit trail is kept");
        assertTrue(after.runs.containsAll(runs), "every 0.1.0 run is kept unchanged");
        List<String> keptTasks = after.tasks.stream().filter(t -> !t.contains("after the upgrade"))
                .filter(t -> NEWER_PROCEDURES.stream().noneMatch(p -> t.contains(" | " + p + " | "))).toList();
        assertEquals(tasks, keptTasks, "the tasks' settings");
        assertTrue(after.disabled.containsAll(disabled), "disabled tasks stay disabled: " + disabled);
        assertFalse(Databases.tableExists(c, "LINOD_SEQUENCE"), "the provider's id table is gone");
    }
}
