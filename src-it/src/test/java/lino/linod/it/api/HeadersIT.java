package lino.linod.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Safe headers on pages and API responses; no WADL. */
class HeadersIT {

    private static void assertSafe(LinodApi.Reply reply) {
        assertEquals(List.of("nosniff"), reply.headers().allValues("X-Content-Type-Options"), reply.request());
        assertEquals(List.of("no-referrer"), reply.headers().allValues("Referrer-Policy"), reply.request());
        assertTrue(reply.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                reply.request());
    }

    @Test
    void everyResponseCarriesTheSafeHeadersAndSignedInContentIsNotCached() {
        LinodApi.Reply tasks = LinodApi.staff().get("tasks").expect(200);
        assertSafe(tasks);
        assertTrue(tasks.headers().firstValue("Cache-Control").orElse("").contains("no-store"), tasks.toString());
        assertSafe(LinodApi.anonymous().get("../signin.xhtml").expect(200));
        assertSafe(LinodApi.anonymous().get("tasks").expect(401));
        assertSafe(LinodApi.anonymous().get("../health/live").expect(200));
    }

    @Test
    void noWadlIsServed() {
        LinodApi.staff().get("application.wadl").expect(404);
    }
}
