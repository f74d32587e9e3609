package lino.linod.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Unit;
import lino.linod.task.LogLevel;
import lino.linod.task.SystemTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The served OpenAPI document, read by a YAML parser, against the code: the operations the resource classes
 * implement, the request schemas against the fields the resources accept, the task schema against what the API
 * answers.
 */
class OpenApiDocumentTest {

    private static final List<Class<?>> RESOURCES = List.of(TasksResource.class, RunsResource.class,
            ProceduresResource.class, StatusResource.class, UsersResource.class, OpenApiResource.class,
            SetupTasksResource.class);

    private static Map<String, Object> document;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/lino/linod/rest/openapi.yaml")) {
            assertNotNull(in, "openapi.yaml is packaged");
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... keys) {
        Object at = node;
        for (String key : keys) {
            assertTrue(at instanceof Map, "no object at " + String.join(".", keys));
            at = ((Map<String, Object>) at).get(key);
        }
        assertTrue(at instanceof Map, "no object at " + String.join(".", keys) + ": " + at);
        return (Map<String, Object>) at;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> node, String key) {
        Object value = node.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    /** Follows a {@code $ref} to {@code #/components/…}. */
    private static Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String[] parts = ((String) ref).substring(2).split("/");
        return map(document, parts);
    }

    private static Map<String, Object> requestSchema(String path, String verb, String mediaType) {
        return map(document, "paths", path, verb, "requestBody", "content", mediaType, "schema");
    }

    /** The required fields of an {@code allOf} of the task schema and a list of required fields. */
    @SuppressWarnings("unchecked")
    private static Set<String> allOfRequired(Map<String, Object> schema) {
        Set<String> required = new TreeSet<>();
        for (Object part : list(schema, "allOf")) {
            Map<String, Object> p = (Map<String, Object>) part;
            if (p.containsKey("$ref")) {
                assertEquals("#/components/schemas/Task", p.get("$ref"));
            }
            required.addAll((List<String>) (Object) list(p, "required"));
        }
        return required;
    }

    private static Set<String> properties(Map<String, Object> schema) {
        return new TreeSet<>(map(resolve(schema), "properties").keySet());
    }

    @Test
    void documentsExactlyTheImplementedOperations() {
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, Object> path : map(document, "paths").entrySet()) {
            for (String verb : map(document, "paths", path.getKey()).keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch").contains(verb)) {
                    documented.add(verb + " " + path.getKey());
                }
            }
        }
        assertEquals(implemented(), documented);
    }

    private static Set<String> implemented() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post"
                        : m.isAnnotationPresent(PUT.class) ? "put" : m.isAnnotationPresent(DELETE.class) ? "delete"
                        : m.isAnnotationPresent(PATCH.class) ? "patch" : null;
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    operations.add(verb + " " + (sub == null ? base : base + "/" + sub.value()));
                }
            }
        }
        return operations;
    }

    @Test
    void theTaskSchemaIsWhatTheApiAcceptsAndAnswers() throws ReflectiveOperationException {
        Map<String, Object> task = map(document, "components", "schemas", "Task");
        assertEquals(Boolean.FALSE, task.get("additionalProperties"), "unknown fields are refused");
        assertEquals(new TreeSet<>(TaskJson.FIELDS), properties(task));
        Set<String> readOnly = new TreeSet<>();
        map(task, "properties").forEach((name, schema) -> {
            if (Boolean.TRUE.equals(map(schema).get("readOnly"))) {
                readOnly.add(name);
            }
        });
        assertEquals(new TreeSet<>(TaskJson.READ_ONLY), readOnly);
        // What GET answers: a task as the API writes it has exactly the schema's fields.
        SystemTask sample = new SystemTask(1, "sample", "checkdata", LogLevel.INFO, Recurrence.every(1, Unit.DAILY));
        java.lang.reflect.Field id = SystemTask.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(sample, 7L);
        JsonObject view = Views.task(sample, Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC, true);
        assertEquals(properties(task), new TreeSet<>(view.keySet()));
        assertEquals(properties(map(task, "properties", "recurrence")),
                new TreeSet<>(view.getJsonObject("recurrence").keySet()));
        List<Object> levels = list(map(task, "properties", "logLevel"), "enum");
        assertEquals(Arrays.stream(LogLevel.values()).map(Enum::name).toList(), levels);
    }

    @Test
    void theRequestSchemasAreWhatTheResourcesRequire() {
        assertEquals(Set.of("procedure"), allOfRequired(requestSchema("/tasks", "post", "application/json")));
        assertEquals(new TreeSet<>(TaskJson.REQUIRED_FOR_PUT),
                allOfRequired(requestSchema("/tasks/{id}", "put", "application/json")));
        assertEquals("#/components/schemas/Task",
                requestSchema("/tasks/{id}", "patch", TasksResource.MERGE_PATCH).get("$ref"));
        Map<String, Object> user = requestSchema("/users/{name}", "put", "application/json");
        assertEquals(new TreeSet<>(UsersResource.FIELDS), properties(user));
        assertEquals(Boolean.FALSE, user.get("additionalProperties"));
    }

    @Test
    void theRecurrenceSchemaIsWhatRecurrenceJsonReads() {
        Map<String, Object> recurrence = map(document, "components", "schemas", "Recurrence");
        assertEquals(new TreeSet<>(RecurrenceJson.FIELDS), properties(recurrence));
        assertEquals(Boolean.FALSE, recurrence.get("additionalProperties"));
        List<Object> units = list(map(recurrence, "properties", "unit"), "enum");
        assertEquals(Arrays.stream(Unit.values()).map(Unit::linoName).toList(), units);
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectRefs(document, new HashSet<>()).forEach(ref -> {
            try {
                resolve(Map.of("$ref", ref));
            } catch (AssertionError e) {
                broken.add(ref);
            }
        });
        assertEquals(List.of(), broken);
    }

    private static Set<String> collectRefs(Object node, Set<String> found) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    found.add((String) v);
                } else {
                    collectRefs(v, found);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, found));
        }
        return found;
    }
}
