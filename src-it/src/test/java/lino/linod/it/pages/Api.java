package lino.linod.it.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import lino.linod.it.api.Json;
import lino.linod.it.Poll;
import lino.linod.it.RunningLinod;
import lino.linod.it.Wire;

/**
 * The REST API as the page tests use it: to set up the data a page shows and to check, behind the page's back,
 * what a click changed (or did not). Signed in as staff with HTTP Basic.
 */
final class Api {

    static final String VIEWER = "it-pages-viewer";
    static final String VIEWER_PASSWORD = "It-pages-viewer-0815";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static boolean viewerCreated;
    private static String staffSession;

    private final String authorization = "Basic " + Base64.getEncoder().encodeToString(
            (RunningLinod.ADMIN + ":" + RunningLinod.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** Creates the viewer user on first use. */
    synchronized void ensureViewer() {
        if (!viewerCreated) {
            expect(send("PUT", "users/" + VIEWER,
                    Json.object("password", VIEWER_PASSWORD, "roles", List.of("viewer"))), 200, 201);
            viewerCreated = true;
        }
    }

    /** A name no other test uses. */
    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    /** A task that never runs by itself (unit {@code never}): only the test changes it. */
    Map<String, Object> createQuietTask(String procedure, String name) {
        return object(expect(send("POST", "tasks",
                Json.object("procedure", procedure,
                        "recurrence", Json.object("every", 1, "unit", "never"), "name", name)), 201));
    }

    /** Creates a task from {@code body}. */
    Map<String, Object> create(Map<String, Object> body) {
        return object(expect(send("POST", "tasks", body), 201));
    }

    Map<String, Object> task(long id) {
        return object(expect(send("GET", "tasks/" + id, null), 200));
    }

    /** Every task in No. order, read page by page (the list is paged, 1,000 tasks at most). */
    List<Map<String, Object>> tasks() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> items = tasks("size=1000&page=" + page);
            all.addAll(items);
            if (items.size() < 1000) {
                return all;
            }
        }
    }

    /** The tasks of one page of the list, as {@code GET tasks?query} answers it. */
    List<Map<String, Object>> tasks(String query) {
        Map<String, Object> page = object(expect(send("GET", "tasks?" + query, null), 200));
        return page.get("items") instanceof List<?> items ? objects(items) : List.of();
    }

    /** The task's audit trail, newest first (its first 1,000 changes). */
    List<Map<String, Object>> changes(long id) {
        Map<String, Object> page = object(expect(send("GET", "tasks/" + id + "/changes?size=1000", null), 200));
        return page.get("items") instanceof List<?> items ? objects(items) : List.of();
    }

    List<Map<String, Object>> runs(long id) {
        Map<String, Object> page = object(expect(send("GET", "tasks/" + id + "/runs?page=0&size=50", null), 200));
        return page.get("items") instanceof List<?> items ? objects(items) : List.of();
    }

    void runNow(long id) {
        expect(send("POST", "tasks/" + id + "/run-now", null), 200, 204);
    }

    /** Sets fields of a task with its current version, retried when the daemon changed it meanwhile. */
    Map<String, Object> update(long id, Object... namesAndValues) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Map<String, Object> body = Json.object(namesAndValues);
            body.put("revision", task(id).get("revision"));
            HttpResponse<String> reply = send("PATCH", "tasks/" + id, body);
            if (reply.statusCode() != 409) {
                return object(expect(reply, 200));
            }
        }
        return fail("the task kept changing: " + task(id));
    }

    /** The task's runs once it has at least {@code count} and none of them is still running. */
    List<Map<String, Object>> awaitFinishedRuns(long id, int count, Duration timeout) {
        return poll("task " + id + " has " + count + " finished runs", timeout, () -> {
            List<Map<String, Object>> runs = runs(id);
            return runs.size() >= count && runs.stream().noneMatch(r -> "RUNNING".equals(r.get("outcome")))
                    ? runs : null;
        });
    }

    static long id(Map<String, Object> json) {
        Object value = json.get("id");
        assertTrue(value instanceof BigDecimal, "id should be a number in " + json);
        return ((BigDecimal) value).longValueExact();
    }

    /**
     * A page (path relative to linod) as served to staff (signed in on the sign-in page: pages take no Basic), or
     * to nobody: the HTML and the headers.
     */
    HttpResponse<String> page(String path, boolean asStaff) {
        URI uri = RunningLinod.base().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (asStaff) {
            request.header("Cookie", staffSession());
        }
        return send(uri, request);
    }

    private static synchronized String staffSession() {
        if (staffSession == null) {
            staffSession = Wire.fresh().signIn(RunningLinod.ADMIN, RunningLinod.ADMIN_PASSWORD);
        }
        return staffSession;
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        URI uri = RunningLinod.base().resolve("api/" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json"
                    : "application/json");
        }
        return send(uri, request);
    }

    private static HttpResponse<String> send(URI uri, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + uri + " failed; server output:\n"
                    + RunningLinod.output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> reply, int... statuses) {
        for (int s : statuses) {
            if (s == reply.statusCode()) {
                return reply;
            }
        }
        return fail("expected status " + java.util.Arrays.toString(statuses) + ": " + reply.request().method() + " "
                + reply.uri() + " → " + reply.statusCode() + " " + reply.body()
                + (reply.statusCode() >= 500 ? "\nserver output:\n" + RunningLinod.output() : ""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(HttpResponse<String> reply) {
        Object json = Json.parse(reply.body());
        assertTrue(json instanceof Map<?, ?>, "expected a JSON object: " + reply.body());
        return (Map<String, Object>) json;
    }

    private static List<Map<String, Object>> objects(HttpResponse<String> reply) {
        Object json = Json.parse(reply.body());
        assertTrue(json instanceof List<?>, "expected a JSON array: " + reply.body());
        return objects((List<?>) json);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(List<?> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    /** Asks {@code probe} until it answers non-null or {@code timeout} passes (see {@link Poll}). */
    static <T> T poll(String what, Duration timeout, Supplier<T> probe) {
        return Poll.until(what, timeout, probe);
    }
}
