package lino.linod.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lino.linod.it.RunningLinod;
import lino.linod.it.Wire;
import lino.linod.it.api.Json;
import org.junit.jupiter.api.Test;

/**
 * Another site's page cannot change anything through a signed-in browser: the bodies a cross-site form sends
 * (form-encoded, multipart, plain text) and requests that the browser marks as cross-site are refused before
 * anything is done — with the pages' session cookie and with credentials a browser keeps for HTTP Basic.
 */
class CrossSiteIT {

    private static final String EVIL = "https://evil.example";

    private static Map<String, String> with(Map<String, String> base, String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>(base);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    @Test
    void crossSiteFormPostsChangeNothing() {
        Map<String, Object> task = Site.quietTask(Site.uniqueName("it-sec-csrf"));
        Object id = task.get("id");
        String runNow = "api/tasks/" + id + "/run-now";
        Wire browser = Wire.fresh();
        String cookie = browser.signIn(RunningLinod.ADMIN, RunningLinod.ADMIN_PASSWORD);
        Map<String, String> basic = Site.admin();
        List<String> failures = new ArrayList<>();
        // What <form method=post enctype=…> on another site sends, with the cookie or with cached Basic.
        for (Map<String, String> credentials : List.of(Map.of("Cookie", cookie), basic)) {
            for (String[] form : new String[][] {{"text/plain", "{\"a\":1}="},
                    {"application/x-www-form-urlencoded", "a=1"},
                    {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n"},
                    {"text/plain; charset=UTF-8", ""}}) {
                Wire.Reply reply = browser.send("POST", runNow, with(credentials, "Content-Type", form[0],
                        "Origin", EVIL, "Sec-Fetch-Site", "cross-site"), form[1]);
                if (reply.status() != (credentials == basic ? 415 : 401)) {
                    failures.add("a cross-site " + form[0] + " post: " + reply);
                }
            }
        }
        // What fetch(…, {method: 'POST', mode: 'no-cors', credentials: 'include'}) sends: no body, no type.
        for (String[] marks : new String[][] {{"Origin", EVIL}, {"Sec-Fetch-Site", "cross-site"},
                {"Origin", "null"}}) {
            Wire.Reply reply = browser.send("POST", runNow, with(basic, marks), "");
            if (reply.status() != 403) {
                failures.add("a cross-site post marked " + String.join(": ", marks) + ": " + reply);
            } else {
                reply.problem();
            }
        }
        Wire.Reply delete = browser.send("DELETE", "api/tasks/" + id, with(basic, "Origin", EVIL), null);
        if (delete.status() != 403) {
            failures.add("a cross-site delete: " + delete);
        }
        assertEquals(List.of(), failures);
        Map<String, Object> after = Site.task(id);
        assertNull(after.get("requestedAt"), "a cross-site post requested a run: " + after);
        assertEquals(Json.write(task.get("revision")), Json.write(after.get("revision")), "the task changed");
    }

    @Test
    void theApisOwnClientsStillGetThrough() {
        Map<String, Object> task = Site.quietTask(Site.uniqueName("it-sec-own"));
        Wire client = Wire.fresh();
        String base = RunningLinod.base().toString().replaceAll("/linod/$", "");
        Wire.Reply plain = client.send("POST", "api/tasks/" + task.get("id") + "/run-now", Site.admin(), "");
        assertEquals(200, plain.status(), "a script's post without a body: " + plain);
        Wire.Reply cancel = client.send("POST", "api/tasks/" + task.get("id") + "/cancel-request",
                with(Site.json(Site.admin()), "Origin", base, "Sec-Fetch-Site", "same-origin"), "");
        assertEquals(200, cancel.status(), "a same-origin post: " + cancel);
    }
}
