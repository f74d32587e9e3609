package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /setup-tasks}: Lino's SetupTasks over the API. Staff only; makes a task for each procedure that has
 * none, with the procedure's suggested recurrence, in the audit trail as the caller's; a second call makes none.
 */
class SetupTasksIT {

    private final LinodApi staff = LinodApi.staff();

    @Test
    void makesTheTaskOfAProcedureThatHasNoneAndOnlyThat() {
        // A procedure that never fails: the new task runs at once, and a failure would add a change (disabled).
        String procedure = "read_inbox";
        for (Map<String, Object> t : staff.allTasks()) {
            if (procedure.equals(t.get("procedure"))) {
                staff.delete("tasks/" + id(t)).expect(204);
            }
        }
        Set<String> withTasks = staff.allTasks().stream().map(t -> (String) t.get("procedure"))
                .collect(Collectors.toSet());
        Map<String, Object> suggested = LinodApi.objects(staff.get("procedures").expect(200).list()).stream()
                .filter(p -> procedure.equals(p.get("name"))).findFirst().orElseThrow();

        LinodApi.viewer().post("setup-tasks", null).expectProblem(403);
        assertTrue(staff.allTasks().stream().noneMatch(t -> procedure.equals(t.get("procedure"))),
                "a viewer's call changed nothing");

        Map<String, Object> done = staff.post("setup-tasks", null).expect(200).object();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> created = LinodApi.objects((List<Object>) done.get("created"));
        assertTrue(created.stream().anyMatch(t -> procedure.equals(t.get("procedure"))), done.toString());
        // Only procedures that had no task got one.
        for (Map<String, Object> t : created) {
            assertTrue(!withTasks.contains((String) t.get("procedure")), "a second task of " + t + ": " + done);
        }
        Map<String, Object> made = created.stream().filter(t -> procedure.equals(t.get("procedure"))).findFirst()
                .orElseThrow();
        assertEquals(procedure, made.get("name"));
        assertEquals(suggested.get("recurrence"), made.get("recurrence"), "the suggested recurrence: " + suggested);
        assertTrue(String.valueOf(done.get("message")).startsWith("Created "), done.toString());
        assertEquals(procedure, staff.task(id(made)).get("procedure"), "it is there");

        List<Map<String, Object>> changes = staff.changes(id(made));
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("created", changes.get(0).get("field"), changes.toString());
        assertEquals(lino.linod.it.RunningLinod.ADMIN, changes.get(0).get("user"), changes.toString());

        Map<String, Object> again = staff.post("setup-tasks", null).expect(200).object();
        assertEquals(List.of(), again.get("created"), again.toString());
        assertTrue(String.valueOf(again.get("message")).startsWith("No task to create."), again.toString());
    }
}
