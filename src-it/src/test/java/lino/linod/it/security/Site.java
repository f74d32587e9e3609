package lino.linod.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lino.linod.it.RunningLinod;
import lino.linod.it.Wire;
import lino.linod.it.api.Json;

/** What the security tests do as the site's admin, and a page sign-in as a browser does it. */
final class Site {

    static final String JSON = "application/json";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private Site() {
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    static Map<String, String> admin() {
        return Map.of("Authorization", Wire.basic(RunningLinod.ADMIN, RunningLinod.ADMIN_PASSWORD));
    }

    static Map<String, String> json(Map<String, String> headers) {
        Map<String, String> out = new java.util.LinkedHashMap<>(headers);
        out.put("Content-Type", JSON);
        return out;
    }

    /** Creates or replaces a user through the API, as admin. */
    static void putUser(String name, String password, String... roles) {
        Wire.Reply reply = Wire.fresh().send("PUT", "api/users/" + name, json(admin()),
                Json.write(Json.object("password", password, "roles", List.of(roles))));
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.toString());
    }

    static void deleteUser(String name) {
        Wire.Reply reply = Wire.fresh().send("DELETE", "api/users/" + name, admin(), null);
        assertEquals(204, reply.status(), reply.toString());
    }

    /** A task that never runs on its own, created as admin; its JSON. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> quietTask(String name) {
        Wire.Reply reply = Wire.fresh().send("POST", "api/tasks", json(admin()),
                Json.write(Json.object("procedure", "checkdata",
                        "recurrence", Json.object("every", 1, "unit", "never"), "name", name)));
        assertEquals(201, reply.status(), reply.toString());
        return (Map<String, Object>) Json.parse(reply.body());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> task(Object id) {
        Wire.Reply reply = Wire.fresh().get("api/tasks/" + id, admin());
        assertEquals(200, reply.status(), reply.toString());
        return (Map<String, Object>) Json.parse(reply.body());
    }

    /** Whether the tasks page answers the session {@code cookie} as signed in (else it sends to the sign-in page). */
    static boolean signedIn(Wire wire, String cookie) {
        Wire.Reply page = wire.get("tasks.xhtml", Map.of("Cookie", cookie));
        if (page.status() == 200 && page.body().contains("tasks-table")) {
            return true;
        }
        assertEquals(302, page.status(), page.toString());
        assertTrue(page.header("Location").contains("signin.xhtml"), page.toString());
        return false;
    }
}
