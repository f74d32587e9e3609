package lino.linod.it.pages;

import static lino.linod.it.pages.Api.id;
import static lino.linod.it.pages.Chromium.url;
import static lino.linod.it.pages.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import lino.linod.it.Measured;
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

    /**
     * In one probe: the push messages the page received so far, and its Ajax requests answered so far (as the
     * browser's resource timing counts them). A push counts at once, its request once answered.
     */
    private static List<Long> counts() {
        List<?> both = (List<?>) Chromium.js("return [Number(document.documentElement.getAttribute('data-pushes')),"
                + " performance.getEntriesByType('resource').filter(function (e) {"
                + " return e.initiatorType === 'xmlhttprequest'; }).length];");
        return List.of(((Number) both.get(0)).longValue(), ((Number) both.get(1)).longValue());
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
        assertEquals(0, runRows(), "no run yet");

        long asked = System.nanoTime();
        api.runNow(id);
        waitFor("the run on the open page", x -> runRows() > 0 ? Boolean.TRUE : null);
        long shownAfter = (System.nanoTime() - asked) / 1_000_000;
        Measured.say("PushIT: the run showed on the page " + shownAfter + " ms after Run now");

        // Every request of the page answers a push: no poll. The page asks nothing else (no request at its load,
        // none when its socket opens first), so once the request of the last push is answered the two counts are
        // equal (a run's start and end, and the demo tasks, may push again meanwhile, each with its request); a
        // page that polled would ask more often than told, and never catch up.
        long pushed = waitFor("a request of the page for each push", x -> {
            List<Long> now = counts();
            return now.get(0).equals(now.get(1)) ? now.get(0) : null;
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
