package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An application's own EAR with linod in it, made as the README's "Adding linod to your EAR" tells
 * ({@code examples/shop}: the shop's ejb module, {@code linod-ejb}, the plain {@code linod-war} at {@code /linod},
 * Derby in {@code lib/}). Runs last in WildFly's execution (not in the default one, whose server runs linod's
 * demo): it puts the shop's EAR in place of linod's on the same server and PostgreSQL database, whose tasks of
 * demo procedures then stay, unresolved. The shop's procedure, in the shop's module, runs with the shop's own
 * bean injected.
 */
@Order(Integer.MAX_VALUE)
class ConsumerEarIT {

    @BeforeAll
    static void deployTheShop() {
        RunningLinod.replaceEar(new java.io.File(System.getProperty("linod.laterEar", "target/shop.ear")));
    }

    private final LinodApi staff = LinodApi.staff();

    @Test
    void theShopsProcedureRunsWithTheShopsBeanAndNoDemoCameAlong() {
        Set<String> procedures = new TreeSet<>();
        for (Map<String, Object> p : LinodApi.objects(staff.get("procedures").expect(200).list())) {
            procedures.add((String) p.get("name"));
        }
        // linod's own housekeeping procedure and the shop's; the demo stays out of an application's EAR.
        assertEquals(Set.of("clear_too_old_job_history", "shop_stock_count"), procedures);

        Map<String, Object> task = staff.allTasks().stream().filter(t -> "shop_stock_count".equals(
                t.get("procedure"))).findFirst().orElseThrow(() -> new AssertionError("no task of the shop's"
                + " procedure: " + staff.allTasks()));
        // Its suggested recurrence, as the shop's annotation gave it.
        Map<?, ?> recurrence = (Map<?, ?>) task.get("recurrence");
        assertEquals("daily", recurrence.get("unit"), task.toString());
        assertEquals("05:00:00", String.valueOf(recurrence.get("startTime")).replaceFirst("^(\\d\\d:\\d\\d)$",
                "$1:00"), task.toString());

        long taskId = id(task);
        for (int i = 1; i <= 2; i++) {
            staff.post("tasks/" + taskId + "/run-now", null).expect(200);
            Map<String, Object> run = staff.awaitFinishedRuns(taskId, i, Duration.ofSeconds(60)).get(0);
            assertEquals("SUCCESS", run.get("outcome"), run.toString());
            String log = String.valueOf(staff.get("runs/" + id(run)).expect(200).object().get("log"));
            // The line comes from the shop's Inventory bean; its count shows one bean serving both runs.
            assertTrue(log.contains("Stock count " + i + ": 3 articles, 49 pieces."), log);
        }
        List<Map<String, Object>> runs = staff.awaitFinishedRuns(taskId, 2, Duration.ofSeconds(5));
        assertEquals(2, runs.size(), runs.toString());
    }
}
