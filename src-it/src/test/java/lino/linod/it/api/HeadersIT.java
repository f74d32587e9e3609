package lino.linod.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import lino.linod.it.RunningLinod;
import lino.linod.it.Wire;
import org.junit.jupiter.api.Test;

/**
 * Safe headers on pages and API responses, a Content-Security-Policy on every one of them, no server banner; no
 * WADL. (That the pages need nothing the page policy forbids: {@code pages.ContentSecurityPolicyIT}.)
 */
class HeadersIT {

    /** Pages: scripts and styles from linod only. */
    private static final String PAGE = "script-src 'self'";

    /** Data (API, health, metrics): nothing at all. */
    private static final String DATA = "default-src 'none'";

    private static void assertSafe(LinodApi.Reply reply, String policy) {
        assertEquals(List.of("nosniff"), reply.headers().allValues("X-Content-Type-Options"), reply.request());
        assertEquals(List.of("no-referrer"), reply.headers().allValues("Referrer-Policy"), reply.request());
        List<String> csp = reply.headers().allValues("Content-Security-Policy");
        assertEquals(1, csp.size(), "one Content-Security-Policy: " + reply);
        assertTrue(csp.get(0).contains(policy), "policy with " + policy + ": " + reply);
        assertTrue(csp.get(0).contains("frame-ancestors 'none'"), reply.toString());
        assertFalse(csp.get(0).contains("unsafe"), "nothing unsafe allowed: " + reply);
        assertNoBanner(reply);
    }

    /** Neither product nor version: no Server header (or an empty one), no X-Powered-By. */
    private static void assertNoBanner(LinodApi.Reply reply) {
        for (String banner : List.of("Server", "X-Powered-By")) {
            assertEquals(List.of(), reply.headers().allValues(banner).stream().filter(v -> !v.isBlank()).toList(),
                    banner + " of " + reply.request() + ": " + reply.headers().map());
        }
    }

    @Test
    void everyResponseCarriesTheSafeHeadersAndSignedInContentIsNotCached() {
        LinodApi.Reply tasks = LinodApi.staff().get("tasks").expect(200);
        assertSafe(tasks, DATA);
        assertTrue(tasks.headers().firstValue("Cache-Control").orElse("").contains("no-store"), tasks.toString());
        assertSafe(LinodApi.anonymous().get("../signin.xhtml").expect(200), PAGE);
        assertSafe(LinodApi.anonymous().get("tasks").expect(401), DATA);
        assertSafe(LinodApi.anonymous().get("../health/live").expect(200), DATA);
    }

    @Test
    void everyPageAndEveryApiResponseCarriesItsContentSecurityPolicy() {
        long id = LinodApi.id(LinodApi.staff().createQuietTask("checkdata", LinodApi.uniqueName("it-headers")));
        LinodApi staff = LinodApi.staff();
        // Pages take the session of a sign-in on the sign-in page, not Basic.
        String session = Wire.fresh().signIn(RunningLinod.ADMIN, RunningLinod.ADMIN_PASSWORD);
        LinodApi browser = LinodApi.anonymous();
        for (String page : List.of("../tasks.xhtml", "../task.xhtml?id=" + id, "../procedures.xhtml",
                "../daemon.xhtml", "../")) {
            assertSafe(browser.send("GET", page, null, null, "Cookie", session).expect(200), PAGE);
        }
        assertSafe(browser.send("GET", "../no-such-page.xhtml", null, null, "Cookie", session).expect(404), PAGE);
        // The sign-in redirect comes from the authentication mechanism, before any filter, which sets them too.
        assertSafe(LinodApi.anonymous().get("../tasks.xhtml").expect(302), PAGE);
        assertSafe(LinodApi.anonymous().get("../jakarta.faces.resource/linod.css.xhtml?ln=linod").expect(200), PAGE);
        for (String path : List.of("tasks/" + id, "tasks/" + id + "/runs", "procedures", "status", "openapi.yaml",
                "../metrics", "../health/ready")) {
            assertSafe(staff.get(path).expect(200), DATA);
        }
        assertSafe(staff.get("no-such-resource").expect(404), DATA);
        assertSafe(LinodApi.viewer().post("tasks/" + id + "/run-now", null).expect(403), DATA);
        assertSafe(staff.patch("tasks/" + id, Map.of("name", "")).expect(400), DATA);
    }

    @Test
    void theServerNamesItselfNowhereNotEvenOutsideLinod() {
        assertNoBanner(LinodApi.anonymous().get("../../"));
        assertNoBanner(LinodApi.anonymous().get("../../no-such-application/"));
    }

    @Test
    void noWadlIsServed() {
        LinodApi.staff().get("application.wadl").expect(404);
    }
}
