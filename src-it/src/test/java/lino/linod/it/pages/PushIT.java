package lino.linod.it.pages;

import lino.linod.it.Measured;
import static lino.linod.it.pages.Api.id;
import static lino.linod.it.pages.Chromium.url;
import static lino.linod.it.pages.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages are pushed to: a Run now pressed through the API shows on an open task page without the page asking
 * in between; each request the page makes answers a message of the server's push, none is a poll.
 */
@ExtendWith(Screenshots.class)
class PushIT {

    private final Api api = new Api();

    /** The page's Ajax requests so far, as the browser's resource timing counts them. */
    private static long requests() {
        return ((Number) Chromium.js("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.initiatorType === 'xmlhttprequest'; }).length;")).longValue();
    }

    /** The push messages the page received so far. */
    private static long pushes() {
        return Long.parseLong((String) Chromium.js("return document.documentElement.getAttribute('data-pushes');"));
    }

    private static long runRows() {
        return ((Number) Chromium.js("return document.querySelectorAll('#runs tr.run').length;")).longValue();
    }

    @Test
    void aRunNowThroughTheApiShowsOnAnOpenPageWithoutPolling() {
        long id = id(api.createQuietTask("checkdata", Api.uniqueName("it-pages-push")));
        ChromeDriver d = Chromium.staff();
        d.get(url("task.xhtml?id=" + id));
        waitFor("the page's push socket open", x -> "open".equals(Chromium.js(
                "return document.documentElement.getAttribute('data-push');")) ? Boolean.TRUE : null);
        long requestsBefore = requests();
        long pushesBefore = pushes();
        assertEquals(0, runRows(), "no run yet");

        long asked = System.nanoTime();
        api.runNow(id);
        waitFor("the run on the open page", x -> runRows() > 0 ? Boolean.TRUE : null);
        long shownAfter = (System.nanoTime() - asked) / 1_000_000;
        Measured.say("PushIT: the run showed on the page " + shownAfter + " ms after Run now");

        // Every request of the page since answers a push (the last one may still be on its way): no poll.
        // (Both counts are read in one probe: a run's start and end may push again meanwhile, with its request.
        // A page that polled would ask more often than told, and never catch up.)
        long pushed = waitFor("a request of the page for each push", x -> {
            long p = pushes() - pushesBefore;
            return requests() - requestsBefore == p ? p : null;
        });
        assertTrue(pushed >= 1, "the server pushed");
        assertTrue(Chromium.cspViolations().isEmpty(), "the socket is allowed by the page's policy: "
                + Chromium.cspViolations());
    }

    @Test
    void withoutASignInThereIsNoSocket() {
        ChromeDriver d = Chromium.signedOut();
        Object outcome = d.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var s = new WebSocket(arguments[0].replace(/^http/, 'ws'));"
                + "s.onopen = function () { done('open'); };"
                + "s.onclose = function () { done('closed'); };", url("push"));
        assertEquals("closed", outcome, "an anonymous socket is refused");
    }
}
