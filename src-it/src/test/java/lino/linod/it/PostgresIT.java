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
import java.util.Map;
import lino.linod.it.api.Json;
import org.junit.jupiter.api.Test;

/**
 * The unchanged EAR (or WAR) on PostgreSQL: linod's tables and runs are in the tests' own PostgreSQL, read here
 * with plain JDBC. Runs only where the build starts linod with {@code linod.it.database=postgresql}.
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

    @Test
    void tasksAndRunsAreStoredInPostgres() throws Exception {
        assumeTrue(RunningLinod.usesPostgres(), "runs where linod is started on PostgreSQL");
        HttpResponse<String> created = call("POST", "tasks",
                "{\"procedure\":\"checkdata\",\"name\":\"on PostgreSQL\",\"every\":1,\"unit\":\"never\"}");
        assertEquals(201, created.statusCode(), created.body());
        long id = ((Number) ((Map<?, ?>) Json.parse(created.body())).get("id")).longValue();
        try (Connection c = database();
                PreparedStatement q = c.prepareStatement("SELECT name FROM linod_system_task WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the task is a row in PostgreSQL");
                assertEquals("on PostgreSQL", r.getString(1));
            }
        }
        assertEquals(200, call("POST", "tasks/" + id + "/run-now", null).statusCode());
        String outcome = Poll.until("the run of task " + id + " in PostgreSQL", Duration.ofSeconds(60), () -> {
            try (Connection c = database(); PreparedStatement q = c.prepareStatement(
                    "SELECT outcome FROM linod_run WHERE task_id = ? AND outcome <> 'RUNNING'")) {
                q.setLong(1, id);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("SUCCESS", outcome, "the run is a row in PostgreSQL\n" + RunningLinod.output());
    }
}
