package lino.linod.it.pages;

import static lino.linod.it.pages.Api.id;
import static lino.linod.it.pages.Chromium.js;
import static lino.linod.it.pages.Chromium.url;
import static lino.linod.it.pages.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lino.linod.it.RunningLinod;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages need nothing inline (no script body, no event-handler attribute, no {@code javascript:} URL, no style),
 * so that their Content-Security-Policy forbids inline script and style; the browser enforces that policy, and
 * using the pages, Ajax and the live refresh included, violates none of it.
 */
@ExtendWith(Screenshots.class)
class ContentSecurityPolicyIT {

    private static final Set<String> UNSAFE = Set.of("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*",
            "data:", "http:", "https:");

    private final Api api = new Api();

    @Test
    void everyPageAsServedHasNothingInlineAndAPolicyThatForbidsIt() {
        long id = id(api.createQuietTask("checkdata", Api.uniqueName("it-pages-csp")));
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        pages.put("signin.xhtml", api.page("signin.xhtml", false));
        for (String page : List.of("tasks.xhtml", "task.xhtml?id=" + id, "procedures.xhtml", "daemon.xhtml")) {
            pages.put(page, api.page(page, true));
        }
        pages.put("the error page", api.page("no-such-page.xhtml", true));
        List<String> inline = new ArrayList<>();
        pages.forEach((page, reply) -> {
            assertEquals(page.equals("the error page") ? 404 : 200, reply.statusCode(), page + ": " + reply.body());
            assertStrictPolicy(page, reply.headers().firstValue("Content-Security-Policy").orElse(""));
            Document html = Jsoup.parse(reply.body(), reply.uri().toString());
            assertTrue(!html.select("h1").isEmpty(), page + " is a page: " + reply.body());
            inline.addAll(inlineCode(page, html));
        });
        assertTrue(pages.get("tasks.xhtml").body().contains("tasksForm:refresh"), "staff saw the live tasks page");
        assertEquals(List.of(), inline, "inline script, handlers or style");
    }

    /** Scripts and styles only from linod itself, nothing inline, no plugins, no base, no framing. */
    private static void assertStrictPolicy(String page, String header) {
        Map<String, List<String>> policy = new HashMap<>();
        for (String directive : header.split(";")) {
            List<String> words = Arrays.asList(directive.trim().split("\\s+"));
            if (!words.get(0).isEmpty()) {
                policy.put(words.get(0).toLowerCase(Locale.ROOT), words.subList(1, words.size()));
            }
        }
        String shown = page + ": Content-Security-Policy: " + header;
        for (String kind : List.of("script-src", "style-src")) {
            List<String> sources = policy.getOrDefault(kind, policy.get("default-src"));
            assertTrue(sources != null && !sources.isEmpty(), kind + " is restricted: " + shown);
            assertEquals(List.of(), sources.stream().filter(s -> UNSAFE.contains(s.toLowerCase(Locale.ROOT))
                    || s.toLowerCase(Locale.ROOT).startsWith("http")).toList(), kind + " allows no inline, no other site: "
                    + shown);
        }
        assertEquals(List.of("'none'"), policy.get("object-src"), shown);
        assertEquals(List.of("'none'"), policy.get("base-uri"), shown);
        assertEquals(List.of("'none'"), policy.get("frame-ancestors"), shown);
    }

    /** What a policy without 'unsafe-inline' would block, as a browser parses the page. */
    private static List<String> inlineCode(String page, Document html) {
        List<String> found = new ArrayList<>();
        for (Element e : html.getAllElements()) {
            String tag = "<" + e.tagName() + (e.id().isEmpty() ? "" : " id=" + e.id()) + ">";
            if (e.tagName().equals("script") && !e.data().isBlank()) {
                found.add(page + ": inline script in " + tag + ": " + shorten(e.data()));
            }
            if (e.tagName().equals("style")) {
                found.add(page + ": style element: " + shorten(e.data()));
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().trim().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    found.add(page + ": " + name + " on " + tag + ": " + shorten(a.getValue()));
                } else if (name.equals("style")) {
                    found.add(page + ": style attribute on " + tag + ": " + a.getValue());
                } else if (value.startsWith("javascript:")) {
                    found.add(page + ": javascript: URL in " + name + " of " + tag);
                }
            }
        }
        return found;
    }

    private static String shorten(String s) {
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    @Test
    void theBrowserEnforcesThePolicyAndUsingThePagesViolatesNone() {
        String name = Api.uniqueName("it-pages-csp-use");
        long id = id(api.createQuietTask("checkdata", name));
        Chromium.cspViolations();

        ChromeDriver d = Chromium.staff();
        TasksPageIT.filter(d, name, "all", Set.of(name));
        waitFor("the page's push socket open", x -> "open".equals(Chromium.js(
                "return document.documentElement.getAttribute('data-push');")) ? Boolean.TRUE : null);
        int refreshed = TasksPageIT.refreshed(d);
        // Two changes made elsewhere (the API): the server pushes, the table refreshes itself.
        api.update(id, "name", name + " ");
        waitFor("a live refresh of the tasks table", x -> TasksPageIT.refreshed(x) >= refreshed + 1);
        api.update(id, "name", name);
        waitFor("two live refreshes of the tasks table", x -> TasksPageIT.refreshed(x) >= refreshed + 2);
        TasksPageIT.click(d, "input.sort-name");
        TasksPageIT.clickInRow(id, ".run-now");
        waitFor("the Run now message", x -> x.findElements(By.cssSelector(".messages")).stream()
                .map(WebElement::getText).anyMatch(t -> t.contains(RunningLinod.ADMIN + " requested to run")));
        waitFor("the live table to show the run's outcome", Duration.ofSeconds(30), x -> {
            String outcome = TasksPageIT.cell(x, id, "last-outcome");
            return outcome != null && !outcome.isEmpty();
        });

        d.get(url("task.xhtml?id=" + id));
        waitFor("the task page", x -> !x.findElements(By.id("run-now")).isEmpty());
        TasksPageIT.click(d, "#run-now");
        waitFor("the second run on the live task page", Duration.ofSeconds(30),
                x -> x.findElements(By.cssSelector("#runs tr.run")).size() == 2);
        for (String page : List.of("procedures.xhtml", "daemon.xhtml")) {
            d.get(url(page));
            waitFor(page, x -> !x.findElements(By.id("user")).isEmpty());
        }
        d.findElement(By.id("signout")).click();
        waitFor("the sign-in page after signing out", x -> !x.findElements(By.id("signin")).isEmpty());
        assertEquals(List.of(), Chromium.cspViolations(), "Content-Security-Policy violations while using the pages");

        js("var s = document.createElement('script'); s.textContent = 'window.linodInline = true;';"
                + "document.body.appendChild(s);");
        assertNull(js("return window.linodInline === true ? 'ran' : null;"), "an inline script was run");
        waitFor("the browser to report the blocked inline script", x -> !Chromium.cspViolations().isEmpty());
    }
}
