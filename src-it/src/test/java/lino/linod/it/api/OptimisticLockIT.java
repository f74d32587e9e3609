package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Optimistic locking: a change names the revision it was made on in the body, or the representation it was made on
 * as {@code If-Match}; a stale one is refused (409 for the body, 412 for the header) and the row stays as the other
 * writer left it.
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
        Map<String, Object> first = staff.patch("tasks/" + id, Json.object("revision", original.get("revision"),
                "name", "first writer")).expect(200).object();
        assertNotEquals(original.get("revision"), first.get("revision"), "a change gives a new revision");
        int changes = staff.changes(id).size();

        staff.patch("tasks/" + id, Json.object("revision", original.get("revision"), "name", "second writer",
                "disabled", true)).expectProblem(409);
        assertEquals(Json.write(first), Json.write(staff.task(id)), "a refused change changed the task");
        assertEquals(changes, staff.changes(id).size(), "a refused change left an audit row");
    }

    @Test
    void staleIfMatchIs412() {
        long id = quietTask();
        LinodApi.Reply read = staff.get("tasks/" + id).expect(200);
        String etag = read.header("ETag");
        LinodApi.Reply changed = staff.patch("tasks/" + id, Json.object("name", "first writer"), "If-Match", etag)
                .expect(200);
        Map<String, Object> first = changed.object();
        int changes = staff.changes(id).size();

        staff.patch("tasks/" + id, Json.object("name", "second writer"), "If-Match", etag).expectProblem(412);
        staff.delete("tasks/" + id, "If-Match", etag).expectProblem(412);
        assertEquals(Json.write(first), Json.write(staff.task(id)), "a refused change changed the task");
        assertEquals(changes, staff.changes(id).size(), "a refused change left an audit row");

        String current = staff.get("tasks/" + id).expect(200).header("ETag");
        staff.patch("tasks/" + id, Json.object("name", "third writer"), "If-Match", current).expect(200);
        staff.delete("tasks/" + id, "If-Match", staff.get("tasks/" + id).expect(200).header("ETag")).expect(204);
        staff.get("tasks/" + id).expectProblem(404);
    }

    @Test
    void aChangeWithoutVersionIsRefused() {
        long id = quietTask();
        Map<String, Object> before = staff.task(id);
        // A PUT replaces everything: it must say what it is based on (a PATCH need not).
        Map<String, Object> blind = new java.util.LinkedHashMap<>(before);
        blind.remove("revision");
        blind.put("name", "blind writer");
        staff.put("tasks/" + id, blind).expectInvalid("revision");
        assertEquals(Json.write(before), Json.write(staff.task(id)), "a refused change changed the task");
    }

    @Test
    void aVersionReadAfterARunIsCurrent() {
        long id = quietTask();
        staff.post("tasks/" + id + "/run-now", null).expect(200);
        staff.awaitFinishedRuns(id, 1, java.time.Duration.ofSeconds(30));
        Map<String, Object> after = staff.task(id);
        Map<String, Object> changed = staff.patch("tasks/" + id, Json.object("revision", after.get("revision"),
                "name", "after the run")).expect(200).object();
        assertEquals("after the run", changed.get("name"));
        assertNotEquals(after.get("revision"), changed.get("revision"));
    }
}
