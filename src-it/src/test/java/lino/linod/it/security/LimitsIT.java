package lino.linod.it.security;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import lino.linod.it.RunningLinod;
import lino.linod.it.api.Json;
import org.junit.jupiter.api.Test;

/**
 * linod's limits, from outside: a request body over the limit is refused with 413 before it is read (proved with a
 * body that is announced but never sent whole), every number and list of the API is bounded with a 400 that names
 * the field and writes nothing, and a server started with {@code LINOD_MAX_TASKS} and
 * {@code LINOD_SHORTEST_INTERVAL} refuses a task too many and a recurrence too frequent.
 */
class LimitsIT {

    /** How long a raw exchange may wait for the server's answer: a guard against hanging, not a measurement. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((RunningLinod.ADMIN + ":" + RunningLinod.ADMIN_PASSWORD).getBytes(UTF_8));
    private static final String HUGE_NUMBER = "9".repeat(1_200);

    /** An answer of the API. */
    private record Reply(String request, int status, String contentType, String body) {

        Reply expect(int expected) {
            assertEquals(expected, status, this::toString);
            return this;
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
            assertTrue(json instanceof Map<?, ?>, "a JSON object: " + this);
            return (Map<String, Object>) json;
        }

        /** The {@code items} of a page of a list. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            Object items = object().get("items");
            assertTrue(items instanceof List<?>, "a page with items: " + this);
            return (List<Map<String, Object>>) items;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            Object json = json();
            assertTrue(json instanceof List<?>, "a JSON array: " + this);
            return (List<Map<String, Object>>) json;
        }

        /** A 400 problem whose errors name {@code field}. */
        void expectInvalid(String field) {
            expectProblem(400);
            Object errors = object().get("errors");
            List<String> fields = new ArrayList<>();
            if (errors instanceof List<?> list) {
                list.forEach(e -> fields.add(String.valueOf(((Map<?, ?>) e).get("field"))));
            }
            assertTrue(fields.contains(field), "errors should name '" + field + "': " + this);
        }

        Map<String, Object> expectProblem(int expected) {
            expect(expected);
            assertTrue(contentType.startsWith("application/problem+json"), "a problem: " + this);
            Map<String, Object> problem = object();
            assertEquals(new BigDecimal(expected), problem.get("status"), this::toString);
            return problem;
        }

        @Override
        public String toString() {
            return request + " → " + status + " " + contentType + " "
                    + (body.length() > 1000 ? body.substring(0, 1000) + "…" : body);
        }
    }

    private static Reply send(URI base, String method, String path, Object body) {
        String text = body == null ? null : body instanceof String s ? s : Json.write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", BASIC)
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text, UTF_8));
        if (text != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json"
                    : "application/json");
        }
        String described = method + " " + path + (text == null ? "" : " " + (text.length() > 300
                ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            return new Reply(described, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(described, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply send(String method, String path, Object body) {
        return send(RunningLinod.base(), method, path, body);
    }

    private static long id(Map<String, Object> json) {
        return ((BigDecimal) json.get("id")).longValueExact();
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private static long createQuietTask(URI base, String name) {
        return id(send(base, "POST", "tasks", Json.object("procedure", "checkdata",
                "recurrence", Json.object("every", 1, "unit", "never"),
                "name", name)).expect(201).object());
    }

    /** An HTTP/1.1 answer as read from a socket. */
    private record RawAnswer(int status, Map<String, String> headers, String body) {
    }

    /**
     * Sends {@code head} and {@code body} on a socket of its own, sends nothing more, and reads the answer (its
     * head and as many bytes as its {@code Content-Length} says). A server that waits for the rest of the body
     * never answers: the read times out and the test fails.
     */
    private static RawAnswer exchange(String head, byte[] body) throws IOException {
        URI base = RunningLinod.base();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            byte[] headBytes = head.getBytes(US_ASCII);
            byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            out.write(all);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try {
                int end;
                while ((end = read.toString(US_ASCII).indexOf("\r\n\r\n")) < 0) {
                    int b = in.read();
                    assertTrue(b >= 0, "the connection closed before an answer: " + read.toString(UTF_8));
                    read.write(b);
                }
                String[] lines = read.toString(US_ASCII).substring(0, end).split("\r\n");
                assertTrue(lines[0].startsWith("HTTP/1.1 "), "an HTTP answer: " + lines[0]);
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                String answerBody = new String(in.readNBytes(length), UTF_8);
                return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, answerBody);
            } catch (SocketTimeoutException e) {
                return fail("no answer within " + READ_TIMEOUT_MILLIS / 1000 + " s: the server waits for the rest"
                        + " of the body; read so far: " + read.toString(UTF_8) + "\nserver output:\n"
                        + RunningLinod.output(), e);
            }
        }
    }

    private static String head(String requestLine, String... headers) {
        URI base = RunningLinod.base();
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: ").append(base.getAuthority())
                .append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static void assertRefusedTooLarge(RawAnswer answer, boolean problem) {
        assertAll(() -> assertEquals(413, answer.status(), answer.toString()),
                () -> assertEquals("close", answer.headers().get("connection"), answer.toString()),
                () -> {
                    if (problem) {
                        assertTrue(answer.headers().getOrDefault("content-type", "")
                                .startsWith("application/problem+json"), answer.toString());
                        Object json = Json.parse(answer.body());
                        assertTrue(json instanceof Map<?, ?> m && new BigDecimal(413).equals(m.get("status")),
                                answer.toString());
                    }
                });
    }

    /** A body announced as 150 MB of which only 4 KB are ever sent: refused at once, the connection closed. */
    @Test
    void anApiBodyAnnouncedOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        byte[] start = ("{\"procedure\":\"checkdata\",\"name\":\"" + "x".repeat(4_000)).getBytes(UTF_8);
        RawAnswer answer = exchange(head("POST /linod/api/tasks HTTP/1.1", "Authorization: " + BASIC,
                "Content-Type: application/json", "Content-Length: " + 150L * 1024 * 1024), start);
        assertRefusedTooLarge(answer, true);
    }

    /** A chunked body is counted as it is read: refused once it passes 100,000 bytes, the end never sent. */
    @Test
    void aChunkedApiBodyIsRefusedWhenItPassesTheLimit() throws IOException {
        byte[] data = ("{\"procedure\":\"checkdata\",\"name\":\"" + "x".repeat(100_001)).substring(0, 100_001)
                .getBytes(UTF_8);
        byte[] chunk = (Integer.toHexString(data.length) + "\r\n").getBytes(US_ASCII);
        byte[] body = Arrays.copyOf(chunk, chunk.length + data.length + 2);
        System.arraycopy(data, 0, body, chunk.length, data.length);
        body[body.length - 2] = '\r';
        body[body.length - 1] = '\n';
        RawAnswer answer = exchange(head("PUT /linod/api/users/it-limits-chunked HTTP/1.1",
                "Authorization: " + BASIC, "Content-Type: application/json", "Transfer-Encoding: chunked"), body);
        assertRefusedTooLarge(answer, true);
        assertTrue(send("GET", "users", null).expect(200).list().stream()
                .noneMatch(u -> "it-limits-chunked".equals(u.get("name"))), "no user created");
    }

    /** The pages' form posts have a limit of their own (1,000,000 bytes); the sign-in page takes posts unsigned. */
    @Test
    void aFormPostAnnouncedOverThePagesLimitIsRefusedBeforeItIsRead() throws IOException {
        RawAnswer answer = exchange(head("POST /linod/signin.xhtml HTTP/1.1",
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: " + 150L * 1024 * 1024),
                ("name=" + "x".repeat(4_000)).getBytes(UTF_8));
        assertRefusedTooLarge(answer, false);
    }

    /** What must stay as it was: the task as shown, its audit trail, the tasks' names and the users. */
    private static String state(long task) {
        List<String> names = send("GET", "tasks?size=1000", null).expect(200).items().stream()
                .map(t -> String.valueOf(t.get("name"))).sorted().toList();
        return Json.write(List.of(send("GET", "tasks/" + task, null).expect(200).object(),
                send("GET", "tasks/" + task + "/changes", null).expect(200).items(), names,
                send("GET", "users", null).expect(200).list()));
    }

    @Test
    void everyBoundedFieldGets400NamingItAndNothingIsWritten() {
        String name = uniqueName("it-limits-bounded");
        long task = createQuietTask(RunningLinod.base(), name);
        String before = state(task);
        Object version = send("GET", "tasks/" + task, null).expect(200).object().get("revision");
        Json.Raw huge = new Json.Raw(HUGE_NUMBER);
        List<Object> allPositions = IntStream.rangeClosed(-31, 31).filter(p -> p != 0).boxed()
                .map(Object.class::cast).toList();
        List<String> allDays = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        List<Map.Entry<String, Map<String, Object>>> changes = new ArrayList<>();
        changes.add(Map.entry("recurrence.positions", Json.object("recurrence", Json.object("unit", "monthly",
                "every", 1, "weekdays", allDays, "positions", allPositions))));
        changes.add(Map.entry("seqno", Json.object("seqno", huge)));
        changes.add(Map.entry("revision", Json.object("revision", huge, "name", "x")));
        changes.add(Map.entry("recurrence.every", Json.object("recurrence", Json.object("unit", "daily",
                "every", huge))));
        changes.add(Map.entry("recurrence.maxEvents", Json.object("recurrence", Json.object("unit", "daily",
                "every", 1, "maxEvents", huge))));
        changes.add(Map.entry("recurrence.positions", Json.object("recurrence", Json.object("unit", "monthly",
                "every", 1, "weekdays", List.of("monday"), "positions", List.of(1, huge)))));
        changes.add(Map.entry("recurrence.positions", Json.object("recurrence", Json.object("unit", "monthly",
                "every", 1, "weekdays", List.of("monday"), "positions", Collections.nCopies(51, 1)))));
        changes.add(Map.entry("recurrence.weekdays", Json.object("recurrence", Json.object("unit", "weekly",
                "every", 1, "weekdays", Collections.nCopies(8, "monday")))));
        changes.add(Map.entry("seqno", Json.object("seqno", 1_000_001)));
        changes.add(Map.entry("name", Json.object("name", "n".repeat(201))));
        changes.add(Map.entry("parameters", Json.object("parameters", "p".repeat(2_001))));
        changes.add(Map.entry("recurrence.cron", Json.object("recurrence", Json.object("cron", "0 ".repeat(101)))));
        changes.add(Map.entry("recurrence.zone", Json.object("recurrence", Json.object("unit", "daily", "every", 1,
                "zone", "Z".repeat(65)))));
        for (Map.Entry<String, Map<String, Object>> change : changes) {
            Map<String, Object> body = new LinkedHashMap<>(change.getValue());
            body.putIfAbsent("revision", version);
            send("PUT", "tasks/" + task, body).expectInvalid(change.getKey());
        }
        send("POST", "tasks", Json.object("procedure", "checkdata", "name", name + "-every", "recurrence",
                Json.object("every", huge, "unit", "daily"))).expectInvalid("recurrence.every");
        send("POST", "tasks", Json.object("procedure", "p".repeat(101), "name", name + "-procedure"))
                .expectInvalid("procedure");
        send("PUT", "users/it-limits-roles", Json.object("password", "It-limits-1",
                "roles", Collections.nCopies(11, "viewer"))).expectInvalid("roles");
        send("GET", "tasks/" + task + "/runs?page=0&size=201", null).expectInvalid("size");
        send("GET", "tasks/" + task + "/runs?page=" + HUGE_NUMBER, null).expectInvalid("page");
        send("GET", "tasks/" + task + "/changes?size=1001", null).expectInvalid("size");
        send("GET", "tasks/" + task + "/changes?page=-1", null).expectInvalid("page");
        assertEquals(before, state(task), "nothing written");
    }

    /** The audit trail comes in pages: the newest first, as many as asked. */
    @Test
    void theAuditTrailIsAnsweredInPages() {
        long task = createQuietTask(RunningLinod.base(), uniqueName("it-limits-changes"));
        for (String name : List.of("one", "two", "three")) {
            Object version = send("GET", "tasks/" + task, null).expect(200).object().get("revision");
            send("PATCH", "tasks/" + task, Json.object("revision", version, "name", name)).expect(200);
        }
        List<Map<String, Object>> all = send("GET", "tasks/" + task + "/changes", null).expect(200).items();
        assertEquals(4, all.size(), all.toString());
        List<Map<String, Object>> second = send("GET", "tasks/" + task + "/changes?page=1&size=2", null).expect(200)
                .items();
        assertEquals(all.subList(2, 4), second);
    }

    /** A server of its own with the quotas set low: a task too many gets 409, a recurrence too often 400. */
    @Test
    void maxTasksAndShortestIntervalAreEnforced() throws Exception {
        int max = lino.linod.it.OtherSite.MAX_TASKS;
        {
            URI base = lino.linod.it.OtherSite.server().base();
            for (Map<String, Object> t : send(base, "GET", "tasks?size=1000", null).expect(200).items()) {
                if (String.valueOf(t.get("name")).startsWith("it-limits-")) {
                    send(base, "DELETE", "tasks/" + id(t), null).expect(204);
                }
            }
            send(base, "POST", "tasks", Json.object("procedure", "checkdata", "name", uniqueName("it-limits-often"),
                    "recurrence", Json.object("every", 30, "unit", "secondly"))).expectInvalid("recurrence.every");
            long task = createQuietTask(base, uniqueName("it-limits-interval"));
            String before = Json.write(send(base, "GET", "tasks/" + task, null).expect(200).object());
            Object version = send(base, "GET", "tasks/" + task, null).expect(200).object().get("revision");
            send(base, "PATCH", "tasks/" + task, Json.object("revision", version, "recurrence",
                    Json.object("unit", "secondly", "every", 59))).expectInvalid("recurrence.every");
            send(base, "PATCH", "tasks/" + task, Json.object("revision", version, "recurrence",
                    Json.object("cron", "*/10 * * * * *"))).expectInvalid("recurrence.cron");
            assertEquals(before, Json.write(send(base, "GET", "tasks/" + task, null).expect(200).object()));
            send(base, "PATCH", "tasks/" + task, Json.object("revision", version, "recurrence",
                    Json.object("unit", "minutely", "every", 1))).expect(200);

            int count = send(base, "GET", "tasks?size=1000", null).expect(200).items().size();
            assertTrue(count < max, count + " tasks at the start, max_tasks " + max);
            for (int i = count; i < max; i++) {
                createQuietTask(base, uniqueName("it-limits-fill-" + i));
            }
            Map<String, Object> problem = send(base, "POST", "tasks", Json.object("procedure", "checkdata",
                    "name", uniqueName("it-limits-too-many"), "recurrence", Json.object("every", 1, "unit", "never")))
                    .expectProblem(409);
            assertTrue(String.valueOf(problem.get("detail")).contains("max_tasks"), problem.toString());
            assertEquals(max, send(base, "GET", "tasks?size=1000", null).expect(200).items().size(), "nothing created");
            send(base, "DELETE", "tasks/" + task, null).expect(204);
            createQuietTask(base, uniqueName("it-limits-room-again"));
        }
    }
}
