package lino.linod.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import lino.linod.it.Poll;
import lino.linod.it.RunningLinod;

/**
 * A client of linod's REST API, signed in as one user (or none), and the few facts about its answers that many
 * tests check. Every assertion message names the request and the answer, and the server's last lines on a 5xx.
 */
final class LinodApi {

    static final String VIEWER = "it-api-viewer";
    static final String VIEWER_PASSWORD = "It-viewer-0815";
    static final String DAEMON_USER = "linod";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static boolean viewerCreated;

    private final String authorization;

    private LinodApi(String authorization) {
        this.authorization = authorization;
    }

    static LinodApi staff() {
        return as(RunningLinod.ADMIN, RunningLinod.ADMIN_PASSWORD);
    }

    /** A user with role {@code viewer}, created through the API on first use. */
    static synchronized LinodApi viewer() {
        if (!viewerCreated) {
            staff().put("users/" + VIEWER, Json.object("password", VIEWER_PASSWORD, "roles", List.of("viewer")))
                    .expect(200, 201);
            viewerCreated = true;
        }
        return as(VIEWER, VIEWER_PASSWORD);
    }

    static LinodApi anonymous() {
        return new LinodApi(null);
    }

    static LinodApi as(String user, String password) {
        return new LinodApi("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A name no other test uses, readable in a failure message. */
    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply get(String path, String accept) {
        return send("GET", path, null, null, "Accept", accept);
    }

    Reply post(String path, Object body) {
        return send("POST", path, "application/json", body == null ? null : Json.write(body));
    }

    Reply put(String path, Object body, String... headers) {
        return send("PUT", path, "application/json", Json.write(body), headers);
    }

    /** A JSON merge patch (RFC 7396). */
    Reply patch(String path, Object body, String... headers) {
        return send("PATCH", path, MERGE_PATCH, Json.write(body), headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** Any request: {@code path} is relative to {@code /linod/api/}; a null content type sends no such header. */
    Reply send(String method, String path, String contentType, String body, String... headers) {
        URI uri = RunningLinod.base().resolve("api/" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        String described = method + " /linod/api/" + path
                + (headers.length > 0 ? " " + String.join(": ", headers) : "")
                + (contentType != null ? " [" + contentType + "]" : "")
                + (body != null ? " " + shorten(body, 300) : "");
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(described, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(described + " failed; server output:\n" + RunningLinod.output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a task that never runs by itself (unit {@code never}), so that only the test changes it. */
    Map<String, Object> createQuietTask(String procedure, String name) {
        return post("tasks", Json.object("procedure", procedure,
                "recurrence", Json.object("every", 1, "unit", "never"), "name", name))
                .expect(201).object();
    }

    Map<String, Object> task(long id) {
        return get("tasks/" + id).expect(200).object();
    }

    /** Every task in No. order, read page by page as a client would (the list is paged, 1,000 tasks at most). */
    List<Map<String, Object>> allTasks() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            Map<String, Object> answer = get("tasks?size=1000&page=" + page).expect(200).object();
            List<Map<String, Object>> items = items(answer);
            all.addAll(items);
            if (items.size() < 1000 || all.size() >= number(answer, "total")) {
                return all;
            }
        }
    }

    /** How many tasks the site has: the list's total. */
    long taskCount() {
        return number(get("tasks?size=1").expect(200).object(), "total");
    }

    /** The {@code items} of a page. */
    static List<Map<String, Object>> items(Map<String, Object> page) {
        Object items = page.get("items");
        assertTrue(items instanceof List<?>, "a page has items: " + page);
        return objects(castList((List<?>) items));
    }

    /** The task's whole audit trail, newest first, read page by page. */
    List<Map<String, Object>> changes(long id) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> items = items(get("tasks/" + id + "/changes?size=1000&page=" + page)
                    .expect(200).object());
            all.addAll(items);
            if (items.size() < 1000) {
                return all;
            }
        }
    }

    /** Sets fields of a task with its current version, retried when the daemon changed it meanwhile. */
    Map<String, Object> update(long id, Object... namesAndValues) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Map<String, Object> body = Json.object(namesAndValues);
            body.put("revision", task(id).get("revision"));
            Reply reply = patch("tasks/" + id, body);
            if (reply.status() != 409) {
                return reply.expect(200).object();
            }
        }
        return fail("the task kept changing: " + task(id));
    }

    /**
     * GET → change → PUT, as a client does it: the task's representation as GET answered it, changed by
     * {@code change}, sent back whole with the ETag of what was read as If-Match.
     */
    Map<String, Object> replace(long id, java.util.function.Consumer<Map<String, Object>> change) {
        Reply read = get("tasks/" + id).expect(200);
        Map<String, Object> task = read.object();
        change.accept(task);
        return put("tasks/" + id, task, "If-Match", read.header("ETag")).expect(200).object();
    }

    /** The task's runs, newest first, once it has at least {@code count} and none of them is still running. */
    List<Map<String, Object>> awaitFinishedRuns(long taskId, int count, Duration timeout) {
        return poll("task " + taskId + " has " + count + " finished runs", timeout, () -> {
            List<Map<String, Object>> runs = objects(get("tasks/" + taskId + "/runs?page=0&size=50").expect(200)
                    .object().get("items") instanceof List<?> items ? castList(items) : List.of());
            boolean done = runs.size() >= count && runs.stream().noneMatch(r -> "RUNNING".equals(r.get("outcome")));
            return done ? runs : null;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> list) {
        return (List<Object>) list;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(List<Object> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    static long id(Map<String, Object> json) {
        return number(json, "id");
    }

    static long number(Map<String, Object> json, String name) {
        Object value = json.get(name);
        assertTrue(value instanceof BigDecimal, name + " should be a number in " + json);
        return ((BigDecimal) value).longValueExact();
    }

    /** An instant as the API writes it: ISO-8601 with an offset. */
    static OffsetDateTime instant(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse((String) value);
        } catch (DateTimeParseException | ClassCastException e) {
            return fail(name + " should be ISO-8601 with an offset in " + json, e);
        }
    }

    /** Asks {@code probe} until it answers non-null or {@code timeout} passes (see {@link Poll}). */
    static <T> T poll(String what, Duration timeout, Supplier<T> probe) {
        return Poll.until(what, timeout, probe);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** One answer, with the request that got it. */
    record Reply(String request, int status, HttpHeaders headers, String body) {

        Reply expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            return fail("expected status " + java.util.Arrays.toString(statuses) + ": " + this
                    + (status >= 500 ? "\nserver output:\n" + RunningLinod.output() : ""));
        }

        /** An RFC 9457 problem with this status, its {@code status} member matching. */
        Reply expectProblem(int expected) {
            expect(expected);
            assertProblem();
            return this;
        }

        /** Whether this is a problem body whose status member is the response's; the failure text if not. */
        String problemMismatch() {
            if (!contentType().startsWith(PROBLEM_JSON)) {
                return "content type should be " + PROBLEM_JSON + ", was '" + contentType() + "'";
            }
            try {
                Object json = Json.parse(body);
                if (!(json instanceof Map<?, ?> map)) {
                    return "problem body should be an object";
                }
                Object s = map.get("status");
                if (!(s instanceof BigDecimal n) || n.intValue() != status) {
                    return "problem status member should be " + status + ", was " + s;
                }
                if (!(map.get("title") instanceof String)) {
                    return "problem should have a title";
                }
                return null;
            } catch (RuntimeException e) {
                return "problem body is not JSON: " + e.getMessage();
            }
        }

        void assertProblem() {
            String mismatch = problemMismatch();
            if (mismatch != null) {
                fail(mismatch + ": " + this);
            }
        }

        /** The {@code field} of each entry of the problem's {@code errors}, empty without such a list. */
        List<String> errorFields() {
            Object errors = object().get("errors");
            List<String> fields = new ArrayList<>();
            if (errors instanceof List<?> list) {
                for (Object e : list) {
                    assertTrue(e instanceof Map<?, ?>, "errors entries should be objects: " + this);
                    Map<?, ?> error = (Map<?, ?>) e;
                    assertTrue(error.get("message") instanceof String, "each error should have a message: " + this);
                    fields.add(String.valueOf(error.get("field")));
                }
            }
            return fields;
        }

        /** A 400 problem whose errors name this field (among any others). */
        Reply expectInvalid(String field) {
            expectProblem(400);
            assertTrue(errorFields().contains(field), "errors should name field '" + field + "': " + this);
            return this;
        }

        String contentType() {
            return header("Content-Type");
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        Object json() {
            try {
                return Json.parse(body);
            } catch (RuntimeException e) {
                return fail("not JSON: " + this, e);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            Object json = json();
            assertTrue(json instanceof Map<?, ?>, "expected a JSON object: " + this);
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        List<Object> list() {
            Object json = json();
            assertTrue(json instanceof List<?>, "expected a JSON array: " + this);
            return (List<Object>) json;
        }

        @Override
        public String toString() {
            return request + " → " + status + " " + contentType() + " " + shorten(body, 1500);
        }
    }

    static void assertStatusIn(Reply reply, int low, int high) {
        assertTrue(reply.status() >= low && reply.status() <= high, "status out of range: " + reply);
    }

    static void assertSameJson(Object expected, Object actual, String message) {
        assertEquals(Json.write(expected), Json.write(actual), message);
    }
}
