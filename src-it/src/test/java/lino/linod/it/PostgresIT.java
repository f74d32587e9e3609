package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import lino.linod.it.api.Json;
import org.junit.jupiter.api.Test;

/**
 * The unchanged EAR (or WAR) on PostgreSQL: linod's tables and runs are in the tests' own PostgreSQL, read here
 * with plain JDBC, in the one schema that the migrations make for both JPA providers. Runs only where the build
 * starts linod with {@code linod.it.database=postgresql}. With {@code linod.it.postgresFrom=KIND} the database is
 * the one that an earlier execution used with server KIND: its task and run are read and run on this server.
 */
class PostgresIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((RunningLinod.ADMIN + ":" + RunningLinod.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningLinod.base() + "api/" + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection(RunningLinod.postgresUrl().orElseThrow(), PostgresProcess.USER,
                PostgresProcess.PASSWORD);
    }

    static String taskName(String kind) {
        return "on PostgreSQL via " + kind;
    }

    private long newRun(long taskId, long after) {
        return Poll.until("a finished run of task " + taskId + " in PostgreSQL", Duration.ofSeconds(60), () -> {
            try (Connection c = database(); PreparedStatement q = c.prepareStatement(
                    "SELECT id FROM linod_run WHERE task_id = ? AND outcome = 'SUCCESS' AND id > ? ORDER BY id")) {
                q.setLong(1, taskId);
                q.setLong(2, after);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? r.getLong(1) : null;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void passwordsAreStoredAsPbkdf2WithCurrentParameters() throws Exception {
        assumeTrue(RunningLinod.usesPostgres(), "runs where linod is started on PostgreSQL");
        String name = "it-hash-" + RunningLinod.kind();
        HttpResponse<String> created = call("PUT", "users/" + name,
                "{\"password\":\"Hash-it-4711\",\"roles\":[\"viewer\"]}");
        assertTrue(created.statusCode() == 201 || created.statusCode() == 200, created.body());
        try (Connection c = database();
                PreparedStatement q = c.prepareStatement("SELECT password_hash FROM linod_user WHERE name = ?")) {
            for (String user : List.of(RunningLinod.ADMIN, name)) {
                q.setString(1, user);
                try (ResultSet r = q.executeQuery()) {
                    assertTrue(r.next(), user);
                    String[] hash = r.getString(1).split(":");
                    assertEquals(4, hash.length, user + "'s hash: " + r.getString(1));
                    assertEquals("PBKDF2WithHmacSHA256", hash[0], user);
                    assertTrue(Integer.parseInt(hash[1]) >= 600_000, user + ": " + hash[1] + " iterations");
                    assertEquals(32, Base64.getDecoder().decode(hash[2]).length, user + "'s salt");
                    assertEquals(32, Base64.getDecoder().decode(hash[3]).length, user + "'s key");
                }
            }
        }
    }

    @Test
    void tasksAndRunsAreStoredInPostgres() throws Exception {
        assumeTrue(RunningLinod.usesPostgres(), "runs where linod is started on PostgreSQL");
        HttpResponse<String> created = call("POST", "tasks", "{\"procedure\":\"checkdata\",\"name\":\""
                + taskName(RunningLinod.kind()) + "\",\"recurrence\":{\"every\":1,\"unit\":\"never\"}}");
        assertEquals(201, created.statusCode(), created.body());
        long id = ((Number) ((Map<?, ?>) Json.parse(created.body())).get("id")).longValue();
        try (Connection c = database();
                PreparedStatement q = c.prepareStatement("SELECT name FROM linod_system_task WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the task is a row in PostgreSQL");
                assertEquals(taskName(RunningLinod.kind()), r.getString(1));
            }
        }
        assertEquals(200, call("POST", "tasks/" + id + "/run-now", null).statusCode());
        newRun(id, 0);
        try (Connection c = database()) {
            assertEquals(ClusterIT.CHANGE_SETS,
                    Databases.changeSets(c), "the migrations, not the JPA provider, made the schema");
            Map<String, List<String>> layout = Databases.layout(c);
            assertTrue(layout.get("LINOD_RUN").contains("CAPTURED_LOG TEXT"), layout.toString());
            assertTrue(layout.values().stream().flatMap(List::stream).noneMatch(col -> col.contains(" OID")),
                    "no large objects: " + layout);
            assertTrue(Databases.count(c, "SELECT COUNT(*) FROM linod_run WHERE captured_log LIKE '%checkers%'") > 0,
                    "captured logs are plain text in the table");
        }
    }

    /** The database that another server kind used: its rows are read, run and extended by this one. */
    @Test
    void aDatabaseMovesBetweenServersUnchanged() throws Exception {
        String from = System.getProperty("linod.it.postgresFrom");
        assumeTrue(RunningLinod.usesPostgres() && from != null, "runs on the second server of a shared database");
        long maxId;
        long taskId;
        long oldRun;
        try (Connection c = database()) {
            maxId = Databases.count(c, "SELECT MAX(id) FROM linod_run");
            taskId = Databases.count(c, "SELECT id FROM linod_system_task WHERE name = '" + taskName(from) + "'");
            oldRun = Databases.count(c, "SELECT MAX(id) FROM linod_run WHERE task_id = " + taskId);
        }
        assertTrue(taskId > 0 && oldRun > 0, "the task and run that " + from + " made are there");
        HttpResponse<String> run = call("GET", "runs/" + oldRun, null);
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(String.valueOf(((Map<?, ?>) Json.parse(run.body())).get("log")).contains("checkers"),
                "the log written through " + from + "'s JPA provider reads here: " + run.body());
        assertEquals(200, call("POST", "tasks/" + taskId + "/run-now", null).statusCode());
        long again = newRun(taskId, oldRun);
        assertTrue(again > maxId, "ids go on above the other server's: " + again + " > " + maxId);
        HttpResponse<String> created = call("POST", "tasks", "{\"procedure\":\"checkdata\",\"name\":\"second\","
                + "\"recurrence\":{\"every\":1,\"unit\":\"never\"}}");
        assertEquals(201, created.statusCode(), created.body());
        try (Connection c = database()) {
            long id = ((Number) ((Map<?, ?>) Json.parse(created.body())).get("id")).longValue();
            assertEquals(0, Databases.count(c, "SELECT COUNT(*) FROM linod_run WHERE id = " + id)
                    + Databases.count(c, "SELECT COUNT(*) FROM linod_change WHERE id = " + id), "ids are unique");
        }
    }
}
