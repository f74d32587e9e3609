package lino.linod.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lino.linod.it.Prometheus;
import lino.linod.it.Wire;
import org.junit.jupiter.api.Test;

/**
 * Anonymous requests keep nothing on the server: the sign-in page is a stateless view, a page that needs a
 * sign-in sends there without making a session, and a failed sign-in makes none either. Counted by the metric
 * of open sessions, read with Prometheus' own parser, and by the cookies answered.
 */
class AnonymousIT {

    private static double openSessions() {
        Wire.Reply page = Wire.fresh().get("metrics", Site.admin());
        assertEquals(200, page.status(), page.toString());
        return Prometheus.value(Prometheus.parse(page.body()), "linod_http_sessions", Map.of());
    }

    @Test
    void aThousandAnonymousSignInPageLoadsLeaveNoSession() {
        double before = openSessions();
        Wire anonymous = Wire.fresh();
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String path = switch (i % 10) {
                case 0 -> "";
                case 1 -> "tasks.xhtml";
                case 2 -> "daemon.xhtml";
                default -> "signin.xhtml";
            };
            Wire.Reply reply = anonymous.get(path, Map.of());
            assertTrue(reply.status() == 200 || reply.status() == 302, reply.toString());
            if (!reply.all("Set-Cookie").isEmpty()) {
                cookies.add(reply.request() + ": " + reply.all("Set-Cookie"));
            }
        }
        for (int i = 0; i < 5; i++) {
            Wire.Reply failed = anonymous.postSignIn("nobody-" + i, "wrong-password");
            if (!failed.all("Set-Cookie").isEmpty()) {
                cookies.add("a failed sign-in: " + failed.all("Set-Cookie"));
            }
        }
        assertEquals(List.of(), cookies, "anonymous requests were given sessions");
        assertEquals(before, openSessions(), "open sessions after 1,000 anonymous page loads");
    }
}
