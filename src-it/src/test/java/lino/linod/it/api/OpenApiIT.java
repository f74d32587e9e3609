package lino.linod.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /openapi.yaml}: an OpenAPI 3 document that lists every path of the API. */
class OpenApiIT {

    /** The API's paths; a path parameter may have any name. */
    private static final List<String> PATHS = List.of("/procedures", "/tasks", "/tasks/{}", "/tasks/{}/run-now",
            "/tasks/{}/cancel-request", "/tasks/{}/runs", "/tasks/{}/changes", "/runs/{}", "/status", "/users",
            "/users/{}");

    @Test
    void describesEveryPath() {
        LinodApi.Reply reply = LinodApi.viewer().get("openapi.yaml").expect(200);
        String yaml = reply.body();
        assertTrue(Pattern.compile("(?m)^openapi:\\s*[\"']?3\\.\\d").matcher(yaml).find(),
                "not an OpenAPI 3 document: " + LinodApi.shorten(yaml, 500));
        List<String> missing = new ArrayList<>();
        for (String path : PATHS) {
            String regex = "(?m)^\\s+[\"']?(/linod)?(/api)?" + Pattern.quote(path).replace("{}", "\\E\\{[^}/]+\\}\\Q")
                    + "[\"']?:\\s*$";
            if (!Pattern.compile(regex).matcher(yaml).find()) {
                missing.add(path);
            }
        }
        assertEquals(List.of(), missing, "paths missing from the document:\n" + yaml);
    }
}
