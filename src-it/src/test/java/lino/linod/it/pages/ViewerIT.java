package lino.linod.it.pages;

import static lino.linod.it.pages.Api.id;
import static lino.linod.it.pages.Chromium.all;
import static lino.linod.it.pages.Chromium.js;
import static lino.linod.it.pages.Chromium.url;
import static lino.linod.it.pages.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A viewer sees every page but no button that changes anything, and a forged postback changes nothing; nor does
 * a postback without the page's {@code jakarta.faces.ViewState}. Each forgery is checked against the API, and the
 * same request made rightly by staff is shown to work, so that "nothing changed" is not just a malformed request.
 */
@ExtendWith(Screenshots.class)
class ViewerIT {

    private static final List<String> CHANGING = List.of(".run-now", ".cancel-request", ".move-up", ".move-down",
            "#save", "#run-now", ".create-task", "#cancel-request", ".setup-tasks", "#stop-run");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Api api = new Api();

    private static void assertNoChangingButtons(String page) {
        for (String css : CHANGING) {
            assertTrue(all(css).isEmpty(), "a viewer sees " + css + " on " + page);
        }
    }

    @Test
    void aViewerSeesNoButtonThatChangesAnything() {
        String name = Api.uniqueName("it-pages-viewer-sees");
        long id = id(api.createQuietTask("checkdata", name));
        ChromeDriver d = Chromium.viewer(api);
        assertEquals(Api.VIEWER, d.findElement(By.id("user")).getText());
        assertTrue(all("#tasks-table tr.task").size() >= TasksPageIT.DEMO_PROCEDURES.size());
        TasksPageIT.filter(d, name, "all", Set.of(name));
        assertTrue(TasksPageIT.row(d, id) != null, "a viewer sees the tasks");
        assertNoChangingButtons("tasks.xhtml");
        d.get(url("task.xhtml?id=" + id));
        waitFor("the task page for a viewer", x -> !x.findElements(By.id("name")).isEmpty());
        assertNoChangingButtons("task.xhtml");
        d.get(url("procedures.xhtml"));
        waitFor("the procedures page for a viewer", x -> !x.findElements(By.id("procedures-table")).isEmpty());
        assertFalse(all("#procedures-table tr.procedure").isEmpty(), "a viewer sees the procedures");
        assertNoChangingButtons("procedures.xhtml");
        d.get(url("daemon.xhtml"));
        waitFor("the daemon page for a viewer", x -> !x.findElements(By.id("daemon-state")).isEmpty());
        assertNoChangingButtons("daemon.xhtml");
    }

    /** What a staff's Run now button sends for the one task the table is filtered to: its form and name. */
    private record Button(String form, String name, String value) {
    }

    private static Button staffRunNowButton(long id, String name) {
        ChromeDriver d = Chromium.staff();
        TasksPageIT.filter(d, name, "all", Set.of(name));
        return waitFor("the Run now button of " + name, x -> {
            WebElement button = TasksPageIT.row(x, id).findElement(By.cssSelector(".run-now"));
            String form = (String) js("return arguments[0].form.id;", button);
            return new Button(form, button.getAttribute("name"), button.getAttribute("value"));
        });
    }

    /** The task's fields that any run request would change, and its audit trail. */
    private String state(long id) {
        Map<String, Object> task = api.task(id);
        return "version=" + task.get("revision") + " requestedAt=" + task.get("requestedAt") + " lastStartTime="
                + task.get("lastStartTime") + " runs=" + api.runs(id).size() + " changes=" + api.changes(id).size();
    }

    @Test
    void aViewersForgedRunNowChangesNothing() {
        String name = Api.uniqueName("it-pages-forged");
        long id = id(api.createQuietTask("checkdata", name));
        Button button = staffRunNowButton(id, name);
        String before = state(id);

        ChromeDriver d = Chromium.viewer(api);
        TasksPageIT.filter(d, name, "all", Set.of(name));
        TasksPageIT.markWindow();
        js("var form = document.getElementById(arguments[0]) || document.getElementById('tasks-table').closest('form');"
                + "var input = document.createElement('input'); input.type = 'hidden';"
                + "input.name = arguments[1]; input.value = arguments[2]; form.appendChild(input); form.submit();",
                button.form(), button.name(), button.value());
        waitFor("the page that answers the forged postback", x -> js("return window.linodItMark;") == null
                && "complete".equals(js("return document.readyState;")));
        assertEquals(before, state(id), "a viewer's forged Run now changed the task");

        // The same by hand: the viewer's session cookie and view state, plus the staff button's parameter.
        d.get(url("tasks.xhtml"));
        TasksPageIT.filter(d, name, "all", Set.of(name));
        HttpResponse<String> reply = postForm(d, button, true);
        assertTrue(reply.statusCode() < 500, "status " + reply.statusCode());
        assertEquals(before, state(id), "a viewer's POST with Run now changed the task");
        Chromium.screenshot("ViewerIT-forged-by-viewer");

        // The control: the same POST from a staff's page does run the task.
        Chromium.staff();
        TasksPageIT.filter(Chromium.driver(), name, "all", Set.of(name));
        assertEquals(200, postForm(Chromium.driver(), button, true).statusCode());
        Api.poll("the staff's POST to run " + name, Duration.ofSeconds(10),
                () -> before.equals(state(id)) ? null : true);
    }

    @Test
    void aPostbackWithoutTheViewStateChangesNothing() {
        String name = Api.uniqueName("it-pages-csrf");
        long id = id(api.createQuietTask("checkdata", name));
        Button button = staffRunNowButton(id, name);
        String before = state(id);
        HttpResponse<String> reply = postForm(Chromium.driver(), button, false);
        assertTrue(reply.statusCode() < 500, "status " + reply.statusCode() + " " + reply.body());
        assertEquals(before, state(id), "a postback without a view state ran the task");
        assertNull(api.task(id).get("requestedAt"));

        reply = postForm(Chromium.driver(), button, true);
        assertEquals(200, reply.statusCode(), "the control with the view state");
        Api.poll("the POST with the view state to run " + name, Duration.ofSeconds(10),
                () -> before.equals(state(id)) ? null : true);
    }

    /**
     * POSTs the browser's form that holds {@code button} as the browser would, with the browser's session cookie,
     * plus the button's parameter; without the view state when {@code withViewState} is false.
     */
    @SuppressWarnings("unchecked")
    private static HttpResponse<String> postForm(ChromeDriver d, Button button, boolean withViewState) {
        List<List<String>> fields = (List<List<String>>) js(
                "var form = document.getElementById(arguments[0]) || document.getElementById('tasks-table').closest('form');"
                        + "var out = []; new FormData(form).forEach(function (v, k) { out.push([k, String(v)]); });"
                        + "return out;", button.form());
        String action = (String) js("var form = document.getElementById(arguments[0]) "
                + "|| document.getElementById('tasks-table').closest('form'); return form.action;", button.form());
        StringBuilder body = new StringBuilder();
        boolean hadViewState = false;
        for (List<String> field : fields) {
            if (field.get(0).equals("jakarta.faces.ViewState")) {
                hadViewState = true;
                if (!withViewState) {
                    continue;
                }
            }
            body.append(encode(field.get(0))).append('=').append(encode(field.get(1))).append('&');
        }
        assertTrue(hadViewState, "the form has a view state: " + fields);
        body.append(encode(button.name())).append('=').append(encode(button.value()));
        String cookies = d.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        assertFalse(cookies.isEmpty(), "the browser has a session cookie");
        HttpRequest request = HttpRequest.newBuilder(URI.create(action)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
