package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lino.linod.it.api.Json;

/**
 * HTTP/1.1 spoken over a plain socket from a loopback address of the test's choosing (127.0.0.2 …), so that the
 * server sees a client address of its own for each test: sign-in throttling counts per address. Also lets a test
 * send exactly the bytes a browser or an attacker would (a form post, an {@code Origin}) and see every header.
 */
public final class Wire {

    /** Each test takes fresh addresses: 127.0.x.y counting up, never 127.0.0.1 (the other suites'). */
    private static final AtomicInteger NEXT = new AtomicInteger(2 + (int) (ProcessHandle.current().pid() % 50) * 100);

    private final InetAddress from;

    private Wire(InetAddress from) {
        this.from = from;
    }

    public static Wire fresh() {
        int n = NEXT.getAndIncrement();
        try {
            return new Wire(InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (2 + n % 250)}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From a given loopback address, e.g. one the server trusts as a reverse proxy. */
    public static Wire from(String address) {
        try {
            return new Wire(InetAddress.getByName(address));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return from.getHostAddress();
    }

    public record Reply(String request, int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> problem() {
            if (header("Content-Type") == null || !header("Content-Type").startsWith("application/problem+json")) {
                throw new AssertionError("expected a problem body: " + this);
            }
            return (Map<String, Object>) Json.parse(body);
        }

        @Override
        public String toString() {
            return request + " → " + status + " " + headers + " "
                    + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code path} relative to the running linod's context root, e.g. {@code api/tasks}. */
    public Reply send(String method, String path, Map<String, String> headers, String body) {
        URI uri = RunningLinod.base().resolve(path);
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        head.append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        String request = method + " " + path + " from " + address();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return read(request, socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(request + " failed", e);
        }
    }

    public Reply get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    private static Reply read(String request, InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete answer to " + request + ": "
                    + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        String encoding = headers.getOrDefault("transfer-encoding", List.of("")).get(0);
        String body = encoding.equalsIgnoreCase("chunked") ? unchunk(rest)
                : new String(rest, StandardCharsets.UTF_8);
        return new Reply(request, status, headers, body);
    }

    private static String unchunk(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(bytes, at, bytes.length),
                    "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String sizeLine = new String(bytes, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(bytes, at, size);
            at += size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Posts the sign-in form as a browser does (the page is a stateless view, so no earlier visit is needed);
     * the answer.
     */
    public Reply postSignIn(String name, String password) {
        String form = "signinForm=signinForm&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&signin=Sign+in&jakarta.faces.ViewState=stateless";
        return send("POST", "signin.xhtml", Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    /** Signs in on the sign-in page; the session cookie ({@code JSESSIONID=…}) the server set. */
    public String signIn(String name, String password) {
        Reply reply = postSignIn(name, password);
        assertEquals(302, reply.status(), "a sign-in leads on to the tasks: " + reply);
        assertTrue(reply.header("Location").contains("tasks.xhtml"), reply.toString());
        String cookie = sessionCookie(reply);
        assertNotNull(cookie, "a sign-in sets the session cookie: " + reply);
        return cookie.split(";", 2)[0].trim();
    }

    /** The whole {@code Set-Cookie} value of the session cookie, or null. */
    public static String sessionCookie(Reply reply) {
        return reply.all("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse(null);
    }
}
