package lino.linod.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document names exactly the operations that the resource classes implement. */
class OpenApiDocumentTest {

    private static final List<Class<?>> RESOURCES = List.of(TasksResource.class, RunsResource.class,
            ProceduresResource.class, StatusResource.class, UsersResource.class, OpenApiResource.class);

    @Test
    void documentsEveryOperation() throws Exception {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/lino/linod/rest/openapi.yaml")) {
            assertNotNull(in, "openapi.yaml is packaged");
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(implemented(), documented(yaml));
    }

    private static Set<String> implemented() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post"
                        : m.isAnnotationPresent(PUT.class) ? "put" : m.isAnnotationPresent(DELETE.class) ? "delete"
                        : null;
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    operations.add(verb + " " + (sub == null ? base : base + "/" + sub.value()));
                }
            }
        }
        return operations;
    }

    private static Set<String> documented(String yaml) {
        Set<String> operations = new TreeSet<>();
        String path = null;
        Matcher m = Pattern.compile("(?m)^  (/\\S*):$|^    (get|put|post|delete):").matcher(yaml);
        while (m.find()) {
            if (m.group(1) != null) {
                path = m.group(1);
            } else {
                assertTrue(path != null);
                operations.add(m.group(2).toLowerCase(Locale.ROOT) + " " + path);
            }
        }
        return operations;
    }
}
