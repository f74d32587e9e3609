package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One node on embedded Derby, as the quick start runs it, and real signals to its process: kill -9 during a run
 * and the same start command again closes the run as interrupted and runs the task again; SIGTERM during a run
 * logs "Done", records the run as interrupted and leaves the task free.
 */
@OwnNodes
class CrashIT {

    private static final String ADMIN_PASSWORD = "Crash-it-1";
    private static final String HOME = "derby-crash";

    private static ServerProcess start(String zone) throws Exception {
        return ServerProcess.micro(Deployments.withClusterProcedures(), HOME,
                Map.of("LINOD_ADMIN_PASSWORD", ADMIN_PASSWORD, "LINOD_ZONE", zone), List.of()).awaitReady();
    }

    private static Http.Reply api(ServerProcess node, String method, String path, String body) {
        return Http.call(node, method, "api/" + path, "admin", ADMIN_PASSWORD, body);
    }

    /** The task's runs, newest first. */
    private static List<Map<String, Object>> runs(ServerProcess node, long task) {
        return api(node, "GET", "tasks/" + task + "/runs?page=0&size=20", null).items();
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    private static Map<String, Object> awaitRunning(ServerProcess node, long task, long after) {
        return Poll.until("a run of task " + task + " going on", Duration.ofSeconds(60), () -> runs(node, task)
                .stream().filter(r -> "RUNNING".equals(r.get("outcome")) && id(r) != after).findFirst().orElse(null));
    }

    @Test
    void killNineThenTheSameCommandAgainClosesTheRunAndRunsTheTaskAgainAndSigtermEndsCleanly() throws Exception {
        long task;
        long killed;
        ServerProcess first = start("Europe/Brussels");
        try {
            Http.Reply created = api(first, "POST", "tasks",
                    "{\"procedure\":\"it_long\",\"name\":\"long\",\"recurrence\":{\"every\":1,\"unit\":\"never\"}}");
            assertEquals(201, created.status(), created.body());
            task = id(created.object());
            assertEquals(200, api(first, "POST", "tasks/" + task + "/run-now", null).status());
            killed = id(awaitRunning(first, task, 0));
            first.kill();
        } finally {
            first.close();
        }

        // The same command, but with another zone: the site's zone, kept at the first start, wins.
        ServerProcess again = start("America/New_York");
        try {
            assertTrue(again.awaitLine(l -> l.contains("but the site's time zone is Europe/Brussels"),
                    Duration.ZERO).isPresent(), "the node is told that the site's zone wins:\n" + again.tail());
            Http.Reply daily = api(again, "POST", "tasks",
                    "{\"procedure\":\"it_quick\",\"name\":\"daily\",\"recurrence\":{\"every\":1,\"unit\":\"daily\"}}");
            assertEquals(201, daily.status(), daily.body());
            Http.Reply at = api(again, "PATCH", "tasks/" + id(daily.object()), "{\"revision\":0,\"recurrence\":"
                    + "{\"unit\":\"daily\",\"every\":1,\"startTime\":\"02:30\"}}");
            assertEquals(200, at.status(), at.body());
            java.time.ZonedDateTime next = java.time.OffsetDateTime.parse((String) at.object().get("nextRunTime"))
                    .atZoneSameInstant(java.time.ZoneId.of("Europe/Brussels"));
            assertEquals(java.time.LocalTime.of(2, 30), next.toLocalTime(), "02:30 in the site's zone: " + next);
            Map<String, Object> old = api(again, "GET", "runs/" + killed, null).object();
            assertEquals("INTERRUPTED", old.get("outcome"), old.toString());
            assertTrue(String.valueOf(old.get("log")).contains("stopped during this run"), old.toString());
            long rerun = id(awaitRunning(again, task, killed));

            int exit = again.terminate(Duration.ofSeconds(90));
            Measured.say("CrashIT: SIGTERM during a run: exit status " + exit);
            assertTrue(exit != -1, "the process ended after SIGTERM:\n" + again.tail());
            assertTrue(again.awaitLine(l -> l.contains("Done"), Duration.ZERO).isPresent(),
                    "\"Done\" in the log after SIGTERM:\n" + again.tail());
            Path db = SchemaIT.database(HOME);
            try (Connection c = Databases.derby(db)) {
                assertEquals(List.of("INTERRUPTED"), Databases.rows(c, "LINOD_RUN WHERE ID = " + rerun, "OUTCOME",
                        "ID"), "the run cut off by the stop");
                assertEquals(List.of("null"), Databases.rows(c, "LINOD_SYSTEM_TASK WHERE ID = " + task,
                        "RUNNING_RUN", "ID"), "the task is free");
                assertEquals(0, Databases.count(c, "SELECT COUNT(*) FROM LINOD_NODE"), "the node left");
            } finally {
                Databases.shutDownDerby(db);
            }
        } finally {
            again.close();
        }
    }
}
