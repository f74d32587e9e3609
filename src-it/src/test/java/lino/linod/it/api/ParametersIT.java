package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Task classes with typed parameters (Lino's {@code invoicing.Task}), on the demo's {@code make_invoices}: the
 * schema served (GET /procedures and the OpenAPI document), its two initial tasks, valid parameters stored and
 * handed to the procedure typed, every mistake named by its field with nothing written.
 */
class ParametersIT {

    private static final String PROCEDURE = "make_invoices";

    private final LinodApi staff = LinodApi.staff();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map<?, ?>, "an object: " + o);
        return (Map<String, Object>) o;
    }

    private Map<String, Object> procedure(String name) {
        return LinodApi.objects(LinodApi.viewer().get("procedures").expect(200).list()).stream()
                .filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
    }

    private Map<String, Object> create(Object parameters) {
        return staff.post("tasks", Json.object("procedure", PROCEDURE, "name", LinodApi.uniqueName("it-api-params"),
                "recurrence", Json.object("every", 1, "unit", "never"), "parameters", parameters)).expect(201)
                .object();
    }

    private static Map<String, Object> invoicing(String journal, int maxDateOffset, int todayOffset) {
        return Json.object("journal", journal, "maxDateOffset", maxDateOffset, "todayOffset", todayOffset);
    }

    /** A value as a client's JSON parser gives it (numbers as BigDecimal). */
    private static Object parsed(Object value) {
        return Json.parse(Json.write(value));
    }

    @Test
    void theSchemaOfEachTaskClassIsServed() {
        Map<String, Object> invoicing = procedure(PROCEDURE);
        assertEquals("invoicing.Task", invoicing.get("taskClass"), invoicing.toString());
        Map<String, Object> schema = map(invoicing.get("parameters"));
        assertEquals("object", schema.get("type"), schema.toString());
        assertEquals(Boolean.FALSE, schema.get("additionalProperties"), schema.toString());
        assertEquals(List.of("journal", "maxDateOffset", "todayOffset"),
                ((List<?>) schema.get("required")).stream().map(String::valueOf).sorted().toList());
        Map<String, Object> properties = map(schema.get("properties"));
        Map<String, Object> journal = map(properties.get("journal"));
        assertEquals("string", journal.get("type"), journal.toString());
        assertEquals(new BigDecimal(5), journal.get("maxLength"), journal.toString());
        Map<String, Object> offset = map(properties.get("maxDateOffset"));
        assertEquals("integer", offset.get("type"), offset.toString());
        assertEquals(new BigDecimal(-365), offset.get("minimum"), offset.toString());
        assertEquals(new BigDecimal(365), offset.get("maximum"), offset.toString());

        Map<String, Object> plain = procedure("checkdata");
        assertEquals("linod.SystemTask", plain.get("taskClass"), plain.toString());
        assertFalse(plain.containsKey("parameters"), "free text has no schema: " + plain);

        OpenApiDocument document = OpenApiDocument.parse(LinodApi.viewer().get("openapi.yaml").expect(200).body());
        Map<String, Object> component = document.at("components", "schemas", "MakeInvoicesParameters");
        assertEquals(List.of("journal", "maxDateOffset", "todayOffset"),
                ((List<?>) component.get("required")).stream().map(String::valueOf).sorted().toList());
        assertEquals(List.of(), document.violations(component, parsed(invoicing("SLS", -1, 0))),
                "the document takes SLS");
        assertFalse(document.violations(component, parsed(invoicing("sales", -1, 0))).isEmpty(),
                "and refuses 'sales'");
        assertFalse(document.violations(component, parsed(invoicing("SLS", 366, 0))).isEmpty(), "and 366 days");
    }

    @Test
    void theTaskClassHasItsInitialTasksEachWithItsParameters() {
        List<Map<String, Object>> tasks = staff.allTasks().stream().filter(t -> PROCEDURE.equals(t.get("procedure")))
                .toList();
        Map<String, Object> sales = tasks.stream().filter(t -> "Make Sales invoices (SLS)".equals(t.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no SLS task in " + tasks));
        Map<String, Object> service = tasks.stream().filter(t -> "Make Service reports (SRV)".equals(t.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no SRV task in " + tasks));
        assertEquals(Json.write(invoicing("SLS", -1, 0)), Json.write(sales.get("parameters")));
        assertEquals(Json.write(invoicing("SRV", 0, 0)), Json.write(service.get("parameters")));
    }

    @Test
    void validParametersAreStoredAndTheProcedureGetsThemTyped() {
        Map<String, Object> task = create(invoicing("XYZ", 3, -2));
        long id = id(task);
        assertEquals(Json.write(invoicing("XYZ", 3, -2)), Json.write(task.get("parameters")));
        assertEquals(Json.write(invoicing("XYZ", 3, -2)), Json.write(staff.task(id).get("parameters")));
        staff.post("tasks/" + id + "/run-now", null).expect(200);
        Map<String, Object> run = staff.awaitFinishedRuns(id, 1, Duration.ofSeconds(30)).get(0);
        assertEquals("SUCCESS", run.get("outcome"), run.toString());
        String log = String.valueOf(staff.get("runs/" + id(run)).expect(200).object().get("log"));
        assertTrue(log.contains("Made 0 invoices in journal XYZ"), log);

        // A merge patch changes one parameter and keeps the others.
        Map<String, Object> patched = staff.patch("tasks/" + id, Json.object("parameters",
                Json.object("todayOffset", 5))).expect(200).object();
        assertEquals(Json.write(invoicing("XYZ", 3, 5)), Json.write(patched.get("parameters")));

        Map<String, Object> defaults = create(null);
        assertEquals(Json.write(invoicing("SLS", -1, 0)), Json.write(defaults.get("parameters")),
                "a new task of the class gets the record's defaults");
    }

    @Test
    void everyMistakeIsNamedByItsFieldAndNothingIsWritten() {
        long before = staff.taskCount();
        LinodApi.Reply types = staff.post("tasks", Json.object("procedure", PROCEDURE, "parameters",
                Json.object("journal", "SLS", "maxDateOffset", 1, "todayOffset", "soon", "discount", 3)))
                .expectProblem(400);
        assertEquals(List.of("parameters.discount", "parameters.todayOffset"),
                types.errorFields().stream().sorted().toList(), types.toString());
        LinodApi.Reply constraints = staff.post("tasks", Json.object("procedure", PROCEDURE, "parameters",
                invoicing("sales", 1000, 0))).expectProblem(400);
        assertEquals(List.of("parameters.journal", "parameters.maxDateOffset"),
                constraints.errorFields().stream().distinct().sorted().toList(), constraints.toString());
        LinodApi.Reply text = staff.post("tasks", Json.object("procedure", PROCEDURE, "parameters", "journal=SLS"))
                .expectProblem(400);
        assertEquals(List.of("parameters"), text.errorFields(), text.toString());
        LinodApi.Reply object = staff.post("tasks", Json.object("procedure", "checkdata", "parameters",
                Json.object("journal", "SLS"))).expectProblem(400);
        assertEquals(List.of("parameters"), object.errorFields(), "free-text parameters are no object: " + object);
        assertEquals(before, staff.taskCount(), "a refused POST created a task");

        long id = id(create(invoicing("ABC", 0, 0)));
        Map<String, Object> task = staff.task(id);
        LinodApi.Reply patch = staff.patch("tasks/" + id, Json.object("parameters", Json.object("journal", "")))
                .expectProblem(400);
        assertTrue(patch.errorFields().contains("parameters.journal"), patch.toString());
        assertEquals(AccessIT.without(task), AccessIT.without(staff.task(id)), "nothing changed");
    }
}
