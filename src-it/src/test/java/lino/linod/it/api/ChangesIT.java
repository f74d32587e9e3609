package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.Test;

/** {@code GET /tasks/{id}/changes}: one audit row per changed field, newest first, naming who changed it. */
class ChangesIT {

    private final LinodApi staff = LinodApi.staff();

    /** A value as text: the API may write {@code false} or {@code "false"}. */
    private static String text(Object value) {
        return value == null ? null : value instanceof String s ? s : Json.write(value);
    }

    private static void assertRow(Map<String, Object> row, long taskId, String user, String field, String oldValue,
            String newValue) {
        assertEquals(taskId, LinodApi.number(row, "taskId"), row.toString());
        assertEquals(user, row.get("user"), row.toString());
        assertEquals(field, row.get("field"), row.toString());
        assertEquals(oldValue, text(row.get("oldValue")), row.toString());
        assertEquals(newValue, text(row.get("newValue")), row.toString());
        assertTrue(LinodApi.instant(row, "at") != null, "at: " + row);
        LinodApi.number(row, "id");
    }

    @Test
    void creatingAndChangingATaskIsRecorded() {
        String name = LinodApi.uniqueName("it-api-audit");
        long id = id(staff.createQuietTask("checkdata", name));
        List<Map<String, Object>> changes = staff.changes(id);
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("created", changes.get(0).get("field"), changes.toString());
        assertEquals(RunningLinod.ADMIN, changes.get(0).get("user"), changes.toString());

        staff.update(id, "disabled", true);
        changes = staff.changes(id);
        assertEquals(2, changes.size(), changes.toString());
        assertRow(changes.get(0), id, RunningLinod.ADMIN, "disabled", "false", "true");

        staff.update(id, "name", name + " renamed", "logLevel", "ERROR", "disabled", true);
        changes = staff.changes(id);
        assertEquals(4, changes.size(), "two fields changed, the unchanged one not recorded: " + changes);
        Set<String> fields = changes.subList(0, 2).stream().map(r -> (String) r.get("field"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("name", "logLevel"), fields, changes.toString());
        for (Map<String, Object> row : changes.subList(0, 2)) {
            if ("name".equals(row.get("field"))) {
                assertRow(row, id, RunningLinod.ADMIN, "name", name, name + " renamed");
            } else {
                assertRow(row, id, RunningLinod.ADMIN, "logLevel", "INFO", "ERROR");
            }
        }
        assertNewestFirst(changes);
        assertEquals(changes, LinodApi.items(LinodApi.viewer().get("tasks/" + id + "/changes?size=1000").expect(200).object()));
    }

    @Test
    void runNowIsRecorded() {
        long id = id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-audit-run")));
        staff.post("tasks/" + id + "/run-now", null).expect(200);
        List<Map<String, Object>> changes = staff.changes(id);
        // The daemon may already have claimed the run and recorded that; the user's newest row is the request.
        Map<String, Object> request = changes.stream().filter(r -> RunningLinod.ADMIN.equals(r.get("user")))
                .findFirst().orElseThrow();
        assertEquals("requestedAt", request.get("field"), changes.toString());
        assertEquals(null, request.get("oldValue"), changes.toString());
        assertTrue(request.get("newValue") != null, changes.toString());
        assertNewestFirst(changes);
    }

    @Test
    void aRecurrenceChangeIsRecorded() {
        long id = id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-audit-rec")));
        int before = staff.changes(id).size();
        staff.update(id, "disabled", true, "recurrence", Json.object("unit", "daily", "every", 2));
        List<Map<String, Object>> changes = staff.changes(id);
        assertTrue(changes.size() >= before + 2, changes.toString());
        assertTrue(changes.subList(0, changes.size() - before).stream()
                .anyMatch(r -> String.valueOf(r.get("field")).startsWith("recurrence")), changes.toString());
        assertFalse(changes.subList(0, changes.size() - before).stream()
                .anyMatch(r -> "name".equals(r.get("field"))), "unchanged fields are not recorded: " + changes);
    }

    private static void assertNewestFirst(List<Map<String, Object>> changes) {
        for (int i = 1; i < changes.size(); i++) {
            OffsetDateTime newer = LinodApi.instant(changes.get(i - 1), "at");
            OffsetDateTime older = LinodApi.instant(changes.get(i), "at");
            assertFalse(newer.isBefore(older), "not newest first: " + changes);
            assertTrue(LinodApi.number(changes.get(i - 1), "id") > LinodApi.number(changes.get(i), "id"),
                    "not newest first: " + changes);
        }
    }
}
