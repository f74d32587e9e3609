package lino.linod.it.api;

import static lino.linod.it.Prometheus.family;
import static lino.linod.it.Prometheus.sample;
import static lino.linod.it.Prometheus.value;
import static lino.linod.it.api.LinodApi.objects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import lino.linod.it.Prometheus;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics over HTTP, as a probe and Prometheus read them: the health JSON parsed, the metrics page
 * parsed by the Prometheus project's own parser, and their values checked against a run the test makes.
 */
class OpsIT {

    @Test
    void readinessAndLivenessAreUpAndOpenToProbes() {
        LinodApi probe = LinodApi.anonymous();
        Map<String, Object> ready = probe.get("../health/ready").expect(200).object();
        assertEquals("UP", ready.get("status"), ready.toString());
        Map<String, Map<String, Object>> checks = byName(ready);
        assertEquals(List.of("database", "schema", "daemon"), List.copyOf(checks.keySet()), ready.toString());
        checks.values().forEach(c -> assertEquals("UP", c.get("status"), c.toString()));
        assertEquals(new BigDecimal(4), data(checks.get("schema")).get("version"), "schema version");
        assertEquals(Boolean.TRUE, data(checks.get("daemon")).get("running"));

        Map<String, Object> live = probe.get("../health/live").expect(200).object();
        assertEquals("UP", live.get("status"), live.toString());
        Map<String, Object> loop = data(byName(live).get("daemon-loop"));
        long ago = ((BigDecimal) loop.get("lastLoopMillisAgo")).longValue();
        long within = ((BigDecimal) loop.get("expectedWithinMillis")).longValue();
        assertTrue(ago >= 0 && ago <= within, loop.toString());

        Map<String, Object> both = probe.get("../health").expect(200).object();
        assertEquals(4, byName(both).size(), both.toString());
        probe.get("../health/nothing").expect(404);
    }

    @Test
    void metricsNeedAUserAndCountRunsByProcedureAndOutcome() throws Exception {
        LinodApi.anonymous().get("../metrics").expect(401);
        LinodApi staff = LinodApi.staff();
        Map<String, Object> task = staff.createQuietTask("checkdata", LinodApi.uniqueName("metrics"));
        long id = LinodApi.id(task);
        double before = value(scrape(), "linod_runs", Map.of("procedure", "checkdata", "outcome", "SUCCESS"));
        staff.post("tasks/" + id + "/run-now", null).expect(200);
        staff.awaitFinishedRuns(id, 1, Duration.ofSeconds(60));

        List<Map<String, Object>> families = scrape();
        Map<String, String> checkdata = Map.of("procedure", "checkdata");
        assertEquals("counter", family(families, "linod_runs").get("type"));
        assertTrue(value(families, "linod_runs", Map.of("procedure", "checkdata", "outcome", "SUCCESS"))
                >= before + 1, "one more successful run of checkdata");
        Map<String, Object> duration = family(families, "linod_run_duration_seconds");
        assertEquals("histogram", duration.get("type"));
        double count = sample(duration, "linod_run_duration_seconds_count", checkdata);
        Map<String, String> inf = new HashMap<>(checkdata);
        inf.put("le", "+Inf");
        assertEquals(count, sample(duration, "linod_run_duration_seconds_bucket", inf), "+Inf bucket = count");
        assertTrue(count >= 1, "at least the test's run");
        Map<String, Object> lateness = family(families, "linod_run_lateness_seconds");
        assertEquals("histogram", lateness.get("type"));
        assertTrue(sample(lateness, "linod_run_lateness_seconds_count", checkdata) >= 1);
        for (String gauge : List.of("linod_runs_active", "linod_tasks_waiting")) {
            assertEquals("gauge", family(families, gauge).get("type"), gauge);
            assertTrue(value(families, gauge, Map.of()) >= 0, gauge);
        }
        assertEquals("counter", family(families, "linod_database_errors").get("type"));
        assertEquals(0.0, value(families, "linod_database_errors", Map.of()), "database errors on a healthy node");
        // A claim is also lost to a user's change on one node (a task edited, or claimed by a Run now, while the
        // daemon's look had it as due), and the other suites change tasks on this server: counted, not zero.
        assertEquals("counter", family(families, "linod_claims_lost").get("type"));
        double lost = value(families, "linod_claims_lost", Map.of());
        assertTrue(lost >= 0 && lost == Math.rint(lost), "a whole count of lost claims: " + lost);
        if ("micro".equals(System.getProperty("linod.it.server", "micro"))) {
            // The server log: the procedure's records under its own logger, and one line for the run's end.
            assertTrue(RunningLinod.awaitOutput(l -> l.contains("lino.linod.procedure.checkdata"),
                    Duration.ofSeconds(30)).isPresent(), "procedure records under lino.linod.procedure.checkdata");
            String runId = String.valueOf(LinodApi.id(staff.awaitFinishedRuns(id, 1, Duration.ofSeconds(5)).get(0)));
            String end = RunningLinod.awaitOutput(l -> l.contains("Run " + runId + " of ") && l.contains("ended: "),
                    Duration.ofSeconds(30)).orElseThrow();
            assertTrue(end.contains("ended: SUCCESS in ") && end.contains(" on "), end);
        }
    }

    /** The metrics page as a viewer gets it, parsed by prometheus_client's parser into metric families. */
    private static List<Map<String, Object>> scrape() {
        LinodApi.Reply reply = LinodApi.viewer().get("../metrics").expect(200);
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        return Prometheus.parse(reply.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byName(Map<String, Object> health) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> check : objects((List<Object>) health.get("checks"))) {
            out.put((String) check.get("name"), check);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> check) {
        return (Map<String, Object>) check.get("data");
    }
}
