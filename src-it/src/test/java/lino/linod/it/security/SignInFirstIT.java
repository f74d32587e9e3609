package lino.linod.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import lino.linod.it.Wire;
import org.junit.jupiter.api.Test;

/**
 * Nothing of linod's without a sign-in, on whichever server runs it (this class runs on all five): every page of
 * the built WAR, the context root with and without its slash (the welcome page, which Open Liberty once served
 * to anyone), the pages' push socket, the API and the metrics. Anonymous requests are sent to the sign-in page or
 * get 401/403; only the sign-in page and the health probes answer them, which the test checks too, so that a
 * server answering nothing at all does not pass.
 */
class SignInFirstIT {

    /** The pages (the WAR's top-level {@code .xhtml} files), read from the built artifact, not listed here. */
    private static List<String> pages() {
        File war = new File(System.getProperty("linod.microWar", "target/linod-micro.war"));
        try (ZipFile zip = new ZipFile(war)) {
            List<String> pages = Collections.list(zip.entries()).stream().map(e -> e.getName())
                    .filter(n -> n.matches("[^/]+\\.xhtml")).sorted().toList();
            assertTrue(pages.contains("tasks.xhtml") && pages.contains("signin.xhtml"), "pages: " + pages);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noPageSocketOrApiAnswersAnAnonymousRequest() {
        Wire anonymous = Wire.fresh();
        List<String> paths = new ArrayList<>(List.of("", "/linod", "index.xhtml", "tasks.xhtml?id=1",
                "task.xhtml?id=1"));
        pages().stream().filter(p -> !p.equals("signin.xhtml")).forEach(paths::add);
        List<String> open = new ArrayList<>();
        for (String path : paths) {
            Wire.Reply reply = anonymous.get(path, Map.of("Accept", "text/html"));
            if (reply.status() == 301 || reply.status() == 302 || reply.status() == 307) {
                String location = reply.header("Location");
                if (location != null && !location.contains("signin.xhtml")) {
                    // The context root without its slash goes to the one with it: that answer counts.
                    reply = anonymous.get(java.net.URI.create(location).getRawPath(), Map.of("Accept", "text/html"));
                }
            }
            boolean toSignIn = (reply.status() == 302 || reply.status() == 303)
                    && String.valueOf(reply.header("Location")).contains("signin.xhtml");
            if (!(toSignIn || reply.status() == 401 || reply.status() == 403)) {
                open.add(reply.toString());
            }
            assertTrue(!reply.body().contains("System tasks") || reply.status() >= 400, reply.toString());
        }
        // The push socket: an anonymous WebSocket handshake is refused.
        Wire.Reply push = anonymous.get("push", Map.of("Connection", "Upgrade", "Upgrade", "websocket",
                "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));
        if (push.status() == 101 || push.status() / 100 == 2) {
            open.add(push.toString());
        }
        for (String path : List.of("api/tasks", "api/tasks/1", "api/runs", "api/procedures", "api/status",
                "api/users", "api/openapi.yaml", "metrics")) {
            Wire.Reply reply = anonymous.get(path, Map.of("Accept", "application/json"));
            if (reply.status() != 401) {
                open.add(reply.toString());
            }
        }
        assertEquals(List.of(), open, "answered without a sign-in");

        // What is open, is open: the sign-in page and the probes.
        Wire.Reply signIn = anonymous.get("signin.xhtml", Map.of("Accept", "text/html"));
        assertEquals(200, signIn.status(), signIn.toString());
        assertTrue(signIn.body().contains("password"), signIn.toString());
        assertEquals(200, anonymous.get("health/live", Map.of()).status());
    }
}
