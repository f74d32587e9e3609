package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import lino.linod.it.api.Json;
import org.junit.jupiter.api.Test;

/**
 * Lino's {@code use_linod = False} ({@code LINOD_USE_LINOD=false}, on {@link OtherSite}): the daemon does not
 * start, the status and the listing say so, and a Run now is kept as a request that nobody takes.
 */
class SwitchedOffIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String method, String path, String accept, String body) {
        URI base = OtherSite.server().base();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/" + path)).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((RunningLinod.ADMIN + ":"
                        + RunningLinod.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(HttpResponse<String> reply, int status) {
        assertEquals(status, reply.statusCode(), reply.body());
        return (Map<String, Object>) Json.parse(reply.body());
    }

    @Test
    void nothingRunsAndTheSiteSaysSo() {
        Map<String, Object> status = object(send("GET", "status", "application/json", null), 200);
        assertEquals(Boolean.FALSE, status.get("useLinod"), status.toString());
        assertEquals(Boolean.FALSE, status.get("active"), status.toString());
        assertNull(status.get("nextWakeUp"), "no wake-up is planned: " + status);
        assertEquals(List.of(), status.get("running"), status.toString());
        HttpResponse<String> listing = send("GET", "status", "text/plain", null);
        assertEquals(200, listing.statusCode());
        assertEquals("This site does not use linod.\n", listing.body());

        Map<String, Object> task = object(send("POST", "tasks", "application/json", Json.write(Json.object(
                "procedure", "checkdata", "name", "it-switched-off-" + System.nanoTime(), "recurrence",
                Json.object("every", 1, "unit", "never")))), 201);
        long id = ((BigDecimal) task.get("id")).longValueExact();
        object(send("POST", "tasks/" + id + "/run-now", "application/json", null), 200);
        Map<String, Object> after = object(send("GET", "tasks/" + id, "application/json", null), 200);
        assertNotNull(after.get("requestedAt"), "the request is kept: " + after);
        assertNull(after.get("lastStartTime"), "and not taken: " + after);
        Map<String, Object> runs = object(send("GET", "tasks/" + id + "/runs", "application/json", null), 200);
        assertEquals(List.of(), runs.get("items"), runs.toString());
    }
}
