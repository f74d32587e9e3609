package lino.linod.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import lino.linod.it.Wire;
import lino.linod.it.api.Json;
import org.junit.jupiter.api.Test;

/**
 * A user's sessions follow the user: deleting them, changing their roles or their password takes effect at the
 * next request of every session they have open; the API never takes the pages' session cookie, which carries
 * {@code SameSite} and {@code HttpOnly}.
 */
class SessionsIT {

    private static final String PASSWORD = "Sessions-it-1";

    @Test
    void aDeletedUsersOpenSessionIsRefusedAtItsNextRequest() {
        String name = Site.uniqueName("it-sec-deleted");
        Site.putUser(name, PASSWORD, "staff");
        Wire browser = Wire.fresh();
        String cookie = browser.signIn(name, PASSWORD);
        String other = Wire.fresh().signIn(name, PASSWORD);
        assertTrue(Site.signedIn(browser, cookie));
        Site.deleteUser(name);
        assertFalse(Site.signedIn(browser, cookie), "the deleted user's session still served the tasks page");
        assertFalse(Site.signedIn(Wire.fresh(), other), "nor their second session");
        assertFalse(Site.signedIn(browser, cookie), "nor again");
    }

    @Test
    void aNewPasswordOrRoleEndsTheSessionsMadeBefore() {
        String name = Site.uniqueName("it-sec-changed");
        Site.putUser(name, PASSWORD, "staff");
        Wire browser = Wire.fresh();
        String before = browser.signIn(name, PASSWORD);
        Site.putUser(name, PASSWORD + "-new", "staff");
        assertFalse(Site.signedIn(browser, before), "a session made with the old password still served");
        assertEquals(200, browser.get("api/tasks", Map.of("Authorization", Wire.basic(name, PASSWORD + "-new")))
                .status(), "the new password works");
        String after = browser.signIn(name, PASSWORD + "-new");
        Site.putUser(name, PASSWORD + "-new", "viewer");
        assertFalse(Site.signedIn(browser, after), "demoted to viewer: the staff session must end");
        String asViewer = browser.signIn(name, PASSWORD + "-new");
        assertTrue(Site.signedIn(browser, asViewer), "signed in again, as viewer");
        Site.deleteUser(name);
    }

    @Test
    void theApiDoesNotTakeThePagesSessionCookie() {
        Wire browser = Wire.fresh();
        String cookie = browser.signIn(lino.linod.it.RunningLinod.ADMIN,
                lino.linod.it.RunningLinod.ADMIN_PASSWORD);
        Wire.Reply read = browser.get("api/tasks", Map.of("Cookie", cookie));
        assertEquals(401, read.status(), "the API answered a session cookie: " + read);
        assertTrue(read.header("WWW-Authenticate").startsWith("Basic"), read.toString());
        String intruder = Site.uniqueName("it-sec-intruder");
        Wire.Reply write = browser.send("PUT", "api/users/" + intruder,
                Map.of("Cookie", cookie, "Content-Type", Site.JSON),
                Json.write(Json.object("password", "Intruder-1", "roles", java.util.List.of("staff"))));
        assertEquals(401, write.status(), write.toString());
        Wire.Reply users = Wire.fresh().get("api/users", Site.admin());
        assertFalse(users.body().contains(intruder), "a user was created with a session cookie: " + users);
        Wire.Reply metrics = browser.get("metrics", Map.of("Cookie", cookie));
        assertEquals(401, metrics.status(), "metrics take Basic only: " + metrics);
        assertTrue(Site.signedIn(browser, cookie), "the session itself serves the pages");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndNewAtEachSignIn() {
        Wire browser = Wire.fresh();
        Wire.Reply first = browser.postSignIn(lino.linod.it.RunningLinod.ADMIN,
                lino.linod.it.RunningLinod.ADMIN_PASSWORD);
        String cookie = Wire.sessionCookie(first);
        assertTrue(cookie != null && cookie.matches("(?i).*;\\s*HttpOnly(;.*|$)"), "HttpOnly: " + first);
        assertTrue(cookie.matches("(?i).*;\\s*SameSite=(Lax|Strict)(;.*|$)"), "SameSite: " + first);
        String second = browser.signIn(lino.linod.it.RunningLinod.ADMIN,
                lino.linod.it.RunningLinod.ADMIN_PASSWORD);
        assertNotEquals(cookie.split(";")[0], second, "each sign-in makes a new session");
    }
}
