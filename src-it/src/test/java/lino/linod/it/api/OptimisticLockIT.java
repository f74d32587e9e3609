package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Optimistic locking: a change names the version it was made on, in the body or as {@code If-Match}; a stale one
 * is refused (409 for the body, 412 for the header) and the row stays as the other writer left it.
 */
class OptimisticLockIT {

    private final LinodApi staff = LinodApi.staff();

    private long quietTask() {
        return id(staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-lock")));
    }

    @Test
    void staleVersionInTheBodyIs409() {
        long id = quietTask();
        Map<String, Object> original = staff.task(id);
        Map<String, Object> first = staff.put("tasks/" + id, Json.object("version", original.get("version"),
                "name", "first writer")).expect(200).object();
        assertNotEquals(original.get("version"), first.get("version"), "a change gives a new version");
        int changes = staff.changes(id).size();

        staff.put("tasks/" + id, Json.object("version", original.get("version"), "name", "second writer",
                "disabled", true)).expectProblem(409);
        assertEquals(Json.write(first), Json.write(staff.task(id)), "a refused change changed the task");
        assertEquals(changes, staff.changes(id).size(), "a refused change left an audit row");
    }

    @Test
    void staleIfMatchIs412() {
        long id = quietTask();
        LinodApi.Reply read = staff.get("tasks/" + id).expect(200);
        String etag = read.header("ETag");
        assertEquals("\"" + read.object().get("version") + "\"", etag, read.toString());
        LinodApi.Reply changed = staff.put("tasks/" + id, Json.object("name", "first writer"), "If-Match", etag)
                .expect(200);
        Map<String, Object> first = changed.object();
        int changes = staff.changes(id).size();

        staff.put("tasks/" + id, Json.object("name", "second writer"), "If-Match", etag).expectProblem(412);
        staff.delete("tasks/" + id, "If-Match", etag).expectProblem(412);
        assertEquals(Json.write(first), Json.write(staff.task(id)), "a refused change changed the task");
        assertEquals(changes, staff.changes(id).size(), "a refused change left an audit row");

        String current = staff.get("tasks/" + id).expect(200).header("ETag");
        staff.put("tasks/" + id, Json.object("name", "third writer"), "If-Match", current).expect(200);
        staff.delete("tasks/" + id, "If-Match", staff.get("tasks/" + id).expect(200).header("ETag")).expect(204);
        staff.get("tasks/" + id).expectProblem(404);
    }

    @Test
    void aChangeWithoutVersionIsRefused() {
        long id = quietTask();
        Map<String, Object> before = staff.task(id);
        staff.put("tasks/" + id, Json.object("name", "blind writer")).expectInvalid("version");
        assertEquals(Json.write(before), Json.write(staff.task(id)), "a refused change changed the task");
    }

    @Test
    void aVersionReadAfterARunIsCurrent() {
        long id = quietTask();
        staff.post("tasks/" + id + "/run-now", null).expect(200);
        staff.awaitFinishedRuns(id, 1, java.time.Duration.ofSeconds(30));
        Map<String, Object> after = staff.task(id);
        Map<String, Object> changed = staff.put("tasks/" + id, Json.object("version", after.get("version"),
                "name", "after the run")).expect(200).object();
        assertEquals("after the run", changed.get("name"));
        assertNotEquals(after.get("version"), changed.get("version"));
    }
}
