package lino.linod.it.pages;

import static lino.linod.it.pages.Api.id;
import static lino.linod.it.pages.Chromium.js;
import static lino.linod.it.pages.Chromium.url;
import static lino.linod.it.pages.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** What holds on every page: assets come from linod itself, and every visible field has a label. */
@ExtendWith(Screenshots.class)
class EveryPageIT {

    private final Api api = new Api();

    /** Each page once, signed out for the sign-in page and as staff (who sees the most fields) for the others. */
    private void forEachPage(Runnable check) {
        ChromeDriver d = Chromium.signedOut();
        d.get(url("signin.xhtml"));
        waitFor("the sign-in page", x -> !x.findElements(By.id("signin")).isEmpty());
        check.run();
        long id = id(api.createQuietTask("checkdata", Api.uniqueName("it-pages-every")));
        Chromium.staff();
        for (String page : List.of("tasks.xhtml", "task.xhtml?id=" + id, "procedures.xhtml", "daemon.xhtml")) {
            d.get(url(page));
            waitFor(page, x -> !x.findElements(By.id("user")).isEmpty());
            check.run();
        }
    }

    @Test
    void everyAssetIsServedByLinod() {
        String origin = Chromium.origin();
        List<String> foreign = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        forEachPage(() -> {
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) js("var out = [];"
                    + "document.querySelectorAll('link[href]').forEach(function (e) { out.push(e.href); });"
                    + "document.querySelectorAll('script[src]').forEach(function (e) { out.push(e.src); });"
                    + "performance.getEntriesByType('resource').forEach(function (e) { out.push(e.name); });"
                    + "return out;");
            String page = Chromium.driver().getCurrentUrl();
            for (String u : urls) {
                seen.add(u);
                if (!u.startsWith(origin + "/")) {
                    foreign.add(page + ": " + u);
                }
            }
        });
        assertTrue(seen.stream().anyMatch(u -> u.contains(".css")), "the pages have a style sheet: " + seen);
        assertEquals(List.of(), foreign, "assets from elsewhere");
    }

    @Test
    void everyVisibleFieldHasALabel() {
        List<String> unlabelled = new ArrayList<>();
        forEachPage(() -> {
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) js("var out = [];"
                    + "document.querySelectorAll('input, select, textarea').forEach(function (e) {"
                    + "  if (['hidden', 'submit', 'button', 'image', 'reset'].indexOf(e.type) >= 0) return;"
                    + "  if (!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)) return;"
                    + "  var explicit = e.id && document.querySelector('label[for=\"' + CSS.escape(e.id) + '\"]');"
                    + "  var text = explicit ? explicit.textContent.trim() : '';"
                    + "  if (!text) out.push((e.id || e.name || e.outerHTML) + (e.labels && e.labels.length"
                    + "      ? ' (only inside a label, no label for)' : ''));"
                    + "});"
                    + "return out;");
            String page = Chromium.driver().getCurrentUrl();
            for (String field : found) {
                unlabelled.add(page + ": " + field);
            }
        });
        assertEquals(List.of(), unlabelled, "visible fields without a <label for> with text");
    }
}
