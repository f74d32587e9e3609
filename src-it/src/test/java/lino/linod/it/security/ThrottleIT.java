package lino.linod.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lino.linod.it.Poll;
import lino.linod.it.RunningLinod;
import lino.linod.it.Wire;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords is slowed down, per user name and per client address, over HTTP Basic and on the sign-in
 * page alike; every failure is logged at WARNING with the name and the address; and the right password gets
 * through again once the wait is over (no lockout). User names match exactly.
 */
class ThrottleIT {

    private static final String PASSWORD = "Throttle-it-1";

    private static List<String> warnings(String... parts) {
        return RunningLinod.outputLines(l -> {
            if (!l.contains("levelValue: 900")) {
                return false;
            }
            for (String part : parts) {
                if (!l.contains(part)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void twentyWrongBasicPasswordsAreSlowedDownAndLogged() {
        String name = Site.uniqueName("it-sec-guessed");
        Site.putUser(name, PASSWORD, "viewer");
        Wire attacker = Wire.fresh();
        List<Integer> statuses = new ArrayList<>();
        Wire.Reply throttled = null;
        Wire.Reply rightDuringTheWait = null;
        for (int i = 0; i < 20; i++) {
            Wire.Reply reply = attacker.get("api/tasks", Map.of("Authorization", Wire.basic(name, "guess-" + i)));
            statuses.add(reply.status());
            if (reply.status() == 429) {
                if (throttled == null) {
                    // The right password, at once, from another address: refused unchecked too (no oracle).
                    rightDuringTheWait = Wire.fresh().get("api/tasks",
                            Map.of("Authorization", Wire.basic(name, PASSWORD)));
                }
                throttled = reply;
            } else {
                assertEquals(401, reply.status(), reply.toString());
            }
        }
        assertTrue(throttled != null, "twenty wrong passwords, none slowed down: " + statuses);
        long checked = statuses.stream().filter(s -> s == 401).count();
        assertTrue(checked < 20, "every guess was checked: " + statuses);
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, throttled.toString());
        assertEquals(429, ((Number) throttled.problem().get("status")).intValue(), throttled.toString());

        assertEquals(429, rightDuringTheWait.status(), "the right password during the wait: " + rightDuringTheWait);

        // Every checked failure is one WARNING line naming the user and the address; refusals are logged too.
        String quoted = "user \"" + name + "\" from " + attacker.address() + " ";
        Poll.until("one WARNING line per failure", Duration.ofSeconds(30),
                () -> warnings("Sign-in failed over HTTP Basic", quoted).size() >= checked ? true : null);
        assertEquals(checked, warnings("Sign-in failed over HTTP Basic", quoted).size(), RunningLinod.output());
        assertFalse(warnings("Sign-in refused unchecked", quoted).isEmpty(), RunningLinod.output());

        // No lockout: the user gets in once the wait is over.
        Poll.until("the right password accepted after the wait", Duration.ofSeconds(90), () -> {
            int status = Wire.fresh().get("api/tasks", Map.of("Authorization", Wire.basic(name, PASSWORD))).status();
            assertTrue(status == 200 || status == 429, "status " + status);
            return status == 200 ? status : null;
        });
    }

    @Test
    void manyNamesFromOneAddressAreSlowedDownByTheAddress() {
        Wire sprayer = Wire.fresh();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            statuses.add(sprayer.get("api/tasks",
                    Map.of("Authorization", Wire.basic(Site.uniqueName("it-sec-spray"), "Spring2026!"))).status());
        }
        assertTrue(statuses.contains(429), "fourteen names from one address, none slowed down: " + statuses);
        assertEquals(401, Wire.fresh().get("api/tasks",
                Map.of("Authorization", Wire.basic(Site.uniqueName("it-sec-spray"), "Spring2026!"))).status(),
                "another address is checked as usual");
    }

    @Test
    void theSignInPageIsThrottledAndLoggedTheSameWay() {
        String name = Site.uniqueName("it-sec-page");
        Site.putUser(name, PASSWORD, "viewer");
        Wire attacker = Wire.fresh();
        Wire.Reply last = null;
        for (int i = 0; i < 8 && (last == null || last.status() != 429); i++) {
            last = attacker.postSignIn(name, "guess-" + i);
            assertTrue(last.status() == 200 || last.status() == 429, last.toString());
            assertEquals(null, Wire.sessionCookie(last), "a failed sign-in makes no session: " + last);
        }
        assertEquals(429, last.status(), "eight wrong passwords on the page, none slowed down: " + last);
        assertTrue(last.body().contains("Too many failed sign-ins"), last.toString());
        Poll.until("a WARNING line for the page's failures", Duration.ofSeconds(30),
                () -> warnings("Sign-in failed over the sign-in page", "user \"" + name + "\" from "
                        + attacker.address() + " ").isEmpty() ? null : true);
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClients() {
        String name = Site.uniqueName("it-sec-proxied");
        Wire proxy = Wire.from(RunningLinod.PROXY);
        String[] clients = {"203.0.113.7", "2001:db8::7"};
        for (String client : clients) {
            // A client's own claim (left) is not believed; the proxy's entry (right) is.
            Wire.Reply reply = proxy.get("api/tasks", Map.of("Authorization", Wire.basic(name, "guess"),
                    "X-Forwarded-For", "198.51.100.1, " + client));
            assertEquals(401, reply.status(), reply.toString());
        }
        Poll.until("the forwarded addresses in the log", Duration.ofSeconds(30),
                () -> warnings("Sign-in failed", "user \"" + name + "\" from 203.0.113.7 ").isEmpty()
                        || warnings("Sign-in failed", "user \"" + name + "\" from 2001:db8:0:0:0:0:0:7 ").isEmpty()
                        ? null : true);
        Wire untrusted = Wire.fresh();
        untrusted.get("api/tasks", Map.of("Authorization", Wire.basic(name, "guess"),
                "X-Forwarded-For", "203.0.113.8"));
        Poll.until("an untrusted sender's own address in the log", Duration.ofSeconds(30),
                () -> warnings("Sign-in failed", "user \"" + name + "\" from " + untrusted.address() + " ")
                        .isEmpty() ? null : true);
        assertEquals(List.of(), warnings("Sign-in failed", "from 198.51.100.1 "), "a client's own claim was taken");
        assertEquals(List.of(), warnings("Sign-in failed", "from 203.0.113.8 "), "an untrusted header was taken");
    }

    @Test
    void userNamesMatchExactly() {
        String name = Site.uniqueName("it-sec-exact");
        Site.putUser(name, PASSWORD, "viewer");
        for (String variant : List.of(name + " ", name + "     ", " " + name, name.toUpperCase(), name + "\t")) {
            Wire.Reply reply = Wire.fresh().get("api/tasks", Map.of("Authorization", Wire.basic(variant, PASSWORD)));
            assertEquals(401, reply.status(), "'" + variant + "' signed in as " + name + ": " + reply);
            Wire.Reply page = Wire.fresh().postSignIn(variant, PASSWORD);
            assertEquals(null, Wire.sessionCookie(page), "'" + variant + "' signed in on the page: " + page);
        }
        assertEquals(200, Wire.fresh().get("api/tasks", Map.of("Authorization", Wire.basic(name, PASSWORD)))
                .status());
    }
}
