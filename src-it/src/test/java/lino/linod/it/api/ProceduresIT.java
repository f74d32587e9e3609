package lino.linod.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /procedures}: the registered procedures with Lino's "Suggested recurrency". */
class ProceduresIT {

    private static final List<String> DEMO = List.of("checkdata", "checksummaries", "send_pending_emails_often",
            "send_pending_emails_daily", "clear_seen_messages", "send_weekly_report", "read_inbox",
            "sync_remote_calendar", "rebuild_search_index", "clear_too_old_job_history");

    private Map<String, Map<String, Object>> byName(LinodApi api) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> p : LinodApi.objects(api.get("procedures").expect(200).list())) {
            byName.put((String) p.get("name"), p);
        }
        return byName;
    }

    @Test
    void listsTheDemoProceduresWithTheirSuggestedRecurrency() {
        Map<String, Map<String, Object>> procedures = byName(LinodApi.viewer());
        assertTrue(procedures.keySet().containsAll(DEMO), "procedures: " + procedures.keySet());
        for (Map<String, Object> p : procedures.values()) {
            // The demo's invoicing tasks are a task class of their own (see ParametersIT).
            assertEquals("make_invoices".equals(p.get("name")) ? "invoicing.Task" : "linod.SystemTask",
                    p.get("taskClass"), p.toString());
            assertTrue(p.get("suggestedRecurrency") instanceof String, p.toString());
            assertTrue(p.get("recurrence") instanceof Map<?, ?>, p.toString());
        }
        assertEquals("every=10, every_unit=secondly",
                procedures.get("send_pending_emails_often").get("suggestedRecurrency"));
        assertEquals("every=300, every_unit=secondly", procedures.get("read_inbox").get("suggestedRecurrency"));
        assertEquals("every=1, every_unit=daily", procedures.get("checkdata").get("suggestedRecurrency"));
        Map<String, Object> weekly = procedures.get("send_weekly_report");
        assertEquals("every=1, every_unit=weekly, saturday=True, start_time=04:00", weekly.get("suggestedRecurrency"));
        @SuppressWarnings("unchecked")
        Map<String, Object> recurrence = (Map<String, Object>) weekly.get("recurrence");
        assertEquals("weekly", recurrence.get("unit"), recurrence.toString());
        assertEquals(BigDecimal.ONE, recurrence.get("every"), recurrence.toString());
        assertEquals(List.of("saturday"), recurrence.get("weekdays"), recurrence.toString());
        assertEquals("04:00", recurrence.get("startTime"), recurrence.toString());
        assertNull(recurrence.get("cron"), "no cron for a unit rule: " + recurrence);
    }

    @Test
    void everyDemoProcedureHasItsTask() {
        List<Map<String, Object>> tasks = LinodApi.staff().allTasks();
        for (String procedure : DEMO) {
            assertTrue(tasks.stream().anyMatch(t -> procedure.equals(t.get("procedure"))),
                    "no task for " + procedure + " in " + tasks);
        }
    }
}
