package lino.linod.it.pages;

import static lino.linod.it.pages.Api.id;
import static lino.linod.it.pages.Chromium.all;
import static lino.linod.it.pages.Chromium.url;
import static lino.linod.it.pages.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import lino.linod.it.RunningLinod;
import lino.linod.it.api.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** {@code task.xhtml}: editing one system task, refusing bad recurrences, its runs, chart and audit trail. */
@ExtendWith(Screenshots.class)
class TaskPageIT {

    private final Api api = new Api();

    static ChromeDriver openTask(long id) {
        ChromeDriver d = Chromium.staff();
        d.get(url("task.xhtml?id=" + id));
        waitFor("the page of task " + id, x -> !x.findElements(By.id("name")).isEmpty());
        assertTrue(d.getTitle().contains("System task"), d.getTitle());
        return d;
    }

    /** An element's text, read in one script (the live part of the page is replaced every few seconds). */
    static String text(String id) {
        return (String) Chromium.js("var e = document.getElementById(arguments[0]);"
                + "return e ? e.textContent.trim() : null;", id);
    }

    static void type(WebDriver d, String field, String text) {
        WebElement input = d.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    /** The message beside a field, read in one script (a found element may be replaced before it is read). */
    static String fieldMessage(WebDriver d, String field) {
        String message = text(field + "-message");
        return message == null ? "" : message;
    }

    /**
     * Enters something invalid (and a new name), presses Save and expects the message beside {@code field}, the
     * fields still showing what was entered, and nothing saved.
     */
    private void assertRefused(String field, Consumer<WebDriver> entry) {
        String name = Api.uniqueName("it-pages-invalid-" + field);
        long id = id(api.createQuietTask("checkdata", name));
        Map<String, Object> before = api.task(id);
        List<Map<String, Object>> changesBefore = api.changes(id);
        ChromeDriver d = openTask(id);
        assertEquals("", fieldMessage(d, field), "no message before saving");
        type(d, "name", name + "-renamed");
        entry.accept(d);
        d.findElement(By.id("save")).click();
        String message = waitFor("the message beside #" + field, x -> {
            String m = fieldMessage(x, field);
            return m.isEmpty() ? null : m;
        });
        Chromium.js("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", field + "-message");
        Chromium.screenshot("TaskPageIT-refused-" + field);
        assertEquals(name + "-renamed", d.findElement(By.id("name")).getAttribute("value"),
                "the page keeps what was entered (" + message + ")");
        Map<String, Object> after = api.task(id);
        assertEquals(before.get("revision"), after.get("revision"), "nothing saved: " + after);
        assertEquals(name, after.get("name"), "nothing saved");
        assertEquals(Json.write(before.get("recurrence")), Json.write(after.get("recurrence")), "nothing saved");
        assertEquals(changesBefore.size(), api.changes(id).size(), "no change recorded");
    }

    @Test
    void anEmptiedNameIsRefusedBesideItsFieldAndNothingSaved() {
        String name = Api.uniqueName("it-pages-empty-name");
        long id = id(api.createQuietTask("checkdata", name));
        Map<String, Object> before = api.task(id);
        ChromeDriver d = openTask(id);
        d.findElement(By.id("name")).clear();
        d.findElement(By.id("save")).click();
        String message = waitFor("the message beside #name", x -> {
            String m = fieldMessage(x, "name");
            return m.isEmpty() ? null : m;
        });
        assertTrue(message.contains("must not be empty"), message);
        String global = text("messages");
        assertFalse(global != null && global.contains("Saved."), "no 'Saved.' for a refused name: " + global);
        Map<String, Object> after = api.task(id);
        assertEquals(name, after.get("name"), "the name stays");
        assertEquals(before.get("revision"), after.get("revision"), "nothing saved");
    }

    /** Lino's fields of a task: No., requested at, last start and last end, in the site's time to the second. */
    @Test
    void showsLinosFieldsOfATask() {
        long id = id(api.createQuietTask("checkdata", Api.uniqueName("it-pages-lino-fields")));
        api.runNow(id);
        api.awaitFinishedRuns(id, 1, Duration.ofSeconds(60));
        Map<String, Object> task = api.task(id);
        java.time.format.DateTimeFormatter shown = java.time.format.DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm:ss");
        openTask(id);
        assertEquals(String.valueOf(task.get("seqno")), text("seqno"));
        assertEquals(shown.format(java.time.OffsetDateTime.parse((String) task.get("lastStartTime"))),
                text("last-start"));
        assertEquals(shown.format(java.time.OffsetDateTime.parse((String) task.get("lastEndTime"))),
                text("last-end"));
        assertEquals("", text("requested-at"), "not requested now");
    }

    @Test
    void everyZeroIsRefusedBesideItsField() {
        assertRefused("every", d -> {
            new Select(d.findElement(By.id("unit"))).selectByValue("daily");
            type(d, "every", "0");
        });
    }

    @Test
    void aCronExpressionThatIsNoneIsRefusedBesideItsField() {
        assertRefused("cron", d -> {
            new Select(d.findElement(By.id("unit"))).selectByValue("");
            type(d, "cron", "nonsense");
        });
    }

    @Test
    void badPositionsAreRefusedBesideTheirField() {
        assertRefused("positions", d -> {
            new Select(d.findElement(By.id("unit"))).selectByValue("monthly");
            type(d, "positions", "first");
        });
    }

    /** More positions than their column holds (issue #11): a message beside the field, not an error page. */
    @Test
    void positionsLongerThanTheirColumnAreRefusedBesideTheirField() {
        assertRefused("positions", d -> {
            new Select(d.findElement(By.id("unit"))).selectByValue("monthly");
            for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
                if (!d.findElement(By.id(day)).isSelected()) {
                    d.findElement(By.id(day)).click();
                }
            }
            type(d, "positions", java.util.stream.IntStream.rangeClosed(-31, 31).filter(p -> p != 0)
                    .mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(" ")));
        });
    }

    @Test
    void aTimeoutThatIsNoNumberIsRefusedBesideItsField() {
        assertRefused("timeout", d -> type(d, "timeout", "two hours"));
    }

    @Test
    void aTimeoutOverThirtyDaysIsRefusedBesideItsField() {
        assertRefused("timeout", d -> type(d, "timeout", "2592001"));
    }

    /** The parameter form of a task class: one invalid field gets its message beside it, and nothing is saved. */
    @Test
    void aParameterFormRefusesOneBadFieldBesideItAndSavesNothing() {
        Map<String, Object> created = api.create(Json.object("procedure", "make_invoices",
                "name", Api.uniqueName("it-pages-params"), "recurrence", Json.object("every", 1, "unit", "never"),
                "parameters", Json.object("journal", "ABC", "maxDateOffset", 0, "todayOffset", 0)));
        long id = id(created);
        Map<String, Object> before = api.task(id);
        ChromeDriver d = openTask(id);
        assertTrue(d.findElements(By.id("parameters")).isEmpty(), "no free-text field for a task class");
        assertEquals("ABC", param(d, "journal").getAttribute("value"));
        assertEquals("0", param(d, "todayOffset").getAttribute("value"));
        param(d, "todayOffset").clear();
        param(d, "todayOffset").sendKeys("2");
        param(d, "journal").clear();
        param(d, "journal").sendKeys("abc");
        d.findElement(By.id("save")).click();
        String message = waitFor("the message beside the journal", x -> {
            String m = paramMessage(x, "journal");
            return m.isEmpty() ? null : m;
        });
        assertTrue(message.contains("capital letters"), message);
        assertEquals("", paramMessage(d, "todayOffset"), "no message beside a good field");
        assertEquals("abc", param(d, "journal").getAttribute("value"), "the page keeps what was entered");
        Chromium.screenshot("TaskPageIT-parameters");
        Map<String, Object> after = api.task(id);
        assertEquals(before.get("revision"), after.get("revision"), "nothing saved: " + after);
        assertEquals(Json.write(before.get("parameters")), Json.write(after.get("parameters")), "nothing saved");

        param(d, "journal").clear();
        param(d, "journal").sendKeys("XYZ");
        d.findElement(By.id("save")).click();
        Map<String, Object> saved = Api.poll("the parameters saved", Duration.ofSeconds(10), () -> {
            Map<String, Object> t = api.task(id);
            return t.get("parameters") instanceof Map<?, ?> p && "XYZ".equals(p.get("journal")) ? t : null;
        });
        assertEquals(Json.write(Json.object("journal", "XYZ", "maxDateOffset", 0, "todayOffset", 2)),
                Json.write(saved.get("parameters")));
    }

    private static WebElement param(WebDriver d, String name) {
        return d.findElement(By.cssSelector("input[data-param='" + name + "']"));
    }

    private static String paramMessage(WebDriver d, String name) {
        return d.findElement(By.cssSelector(".param-message[data-param='" + name + "']")).getText().trim();
    }

    @Test
    void runPoliciesAreSaved() {
        String name = Api.uniqueName("it-pages-policies");
        long id = id(api.createQuietTask("checkdata", name));
        ChromeDriver d = openTask(id);
        assertEquals("7200", d.findElement(By.id("timeout")).getAttribute("value"), "Lino's 2 hours");
        type(d, "timeout", "600");
        new Select(d.findElement(By.id("misfirePolicy"))).selectByValue("SKIP");
        new Select(d.findElement(By.id("overlapPolicy"))).selectByValue("REPLACE");
        d.findElement(By.id("save")).click();
        Map<String, Object> saved = Api.poll("the policies of " + name + " saved", Duration.ofSeconds(10), () -> {
            Map<String, Object> t = api.task(id);
            return "REPLACE".equals(t.get("overlapPolicy")) ? t : null;
        });
        assertEquals("SKIP", saved.get("misfirePolicy"), saved.toString());
        assertEquals(600L, ((Number) saved.get("timeoutSeconds")).longValue(), saved.toString());
    }

    @Test
    void stopRunIsOfferedWhileARunGoesOnAndStopsIt() {
        long id = id(api.createQuietTask("rebuild_search_index", Api.uniqueName("it-pages-stop")));
        ChromeDriver d = openTask(id);
        assertTrue(d.findElements(By.id("stop-run")).isEmpty(), "no Stop run while nothing runs");
        TasksPageIT.click(d, "#run-now");
        waitFor("the Stop run button", x -> x.findElements(By.id("stop-run")).isEmpty() ? null : true);
        TasksPageIT.click(d, "#stop-run");
        String message = waitFor("the stop's message", x -> {
            String m = text("messages");
            return m.contains("to stop") ? m : null;
        });
        assertTrue(message.contains(RunningLinod.ADMIN + " asked run "), message);
        Map<String, Object> run = Api.poll("the run of task " + id + " ended", Duration.ofSeconds(30), () -> {
            List<Map<String, Object>> runs = api.runs(id);
            return !runs.isEmpty() && !"RUNNING".equals(runs.get(0).get("outcome")) ? runs.get(0) : null;
        });
        assertEquals("INTERRUPTED", run.get("outcome"), run.toString());
        assertEquals(RunningLinod.ADMIN, run.get("stopRequestedBy"), run.toString());
    }

    @Test
    void disablingATaskIsSavedAndAudited() {
        String name = Api.uniqueName("it-pages-disable");
        long id = id(api.createQuietTask("checkdata", name));
        ChromeDriver d = openTask(id);
        WebElement disabled = d.findElement(By.id("disabled"));
        assertFalse(disabled.isSelected(), "a new task is enabled");
        disabled.click();
        d.findElement(By.id("save")).click();
        Api.poll("task " + name + " disabled", Duration.ofSeconds(10),
                () -> Boolean.TRUE.equals(api.task(id).get("disabled")) ? true : null);
        assertTrue(api.changes(id).stream().anyMatch(c -> RunningLinod.ADMIN.equals(c.get("user"))),
                "the API's audit trail names the user: " + api.changes(id));

        d.get(url("task.xhtml?id=" + id));
        waitFor("the saved task page", x -> !x.findElements(By.id("disabled")).isEmpty());
        assertTrue(d.findElement(By.id("disabled")).isSelected(), "shown as disabled after saving");
        waitFor("the status Disabled", x -> "Disabled".equals(text("status")));
        assertTrue(d.findElements(By.cssSelector("#changes tr.change")).stream().anyMatch(tr ->
                RunningLinod.ADMIN.equals(tr.findElement(By.cssSelector("td.user")).getText().trim())
                        && tr.findElement(By.cssSelector("td.field")).getText().toLowerCase().contains("disabled")),
                "the audit trail shows who disabled it: " + d.findElement(By.id("changes")).getText());

        d.get(url("tasks.xhtml"));
        TasksPageIT.filter(d, name, "all", Set.of(name));
        waitFor("the system tasks page to show " + name + " disabled",
                x -> "Yes".equals(TasksPageIT.cell(x, id, "disabled")));
    }

    @Test
    void showsTheRunsTheirLogAndADurationChart() {
        String name = Api.uniqueName("it-pages-runs");
        long id = id(api.createQuietTask("checkdata", name));
        api.runNow(id);
        List<Map<String, Object>> runs = api.awaitFinishedRuns(id, 1, Duration.ofSeconds(20));
        ChromeDriver d = openTask(id);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = (List<Map<String, Object>>) Chromium.js(
                "return Array.from(document.querySelectorAll('#runs tr.run')).map(function (tr) {"
                + "  function text(css) { var e = tr.querySelector(css); return e ? e.textContent.trim() : null; }"
                + "  return {start: text('td.start'), duration: text('td.duration'), outcome: text('td.outcome'),"
                + "    log: text('details pre'), details: tr.querySelectorAll('details').length};"
                + "});");
        assertEquals(1, shown.size(), "one run: " + shown);
        Map<String, Object> run = shown.get(0);
        assertEquals(runs.get(0).get("outcome"), run.get("outcome"), run.toString());
        assertTrue(run.get("start") instanceof String s && !s.isBlank(), "start shown: " + run);
        assertTrue(run.get("duration") instanceof String s && !s.isBlank(), "duration shown: " + run);
        assertEquals(1L, run.get("details"), "the log in a <details>: " + run);
        assertTrue(String.valueOf(run.get("log")).contains("data checkers"), "the captured log: " + run);
        assertFalse(d.findElements(By.cssSelector("#duration-chart svg")).isEmpty(), "an inline SVG chart");
        assertTrue(String.valueOf(text("last-message")).contains("data checkers"),
                "the last message: " + text("last-message"));
        assertFalse(String.valueOf(text("when")).isBlank(), "Lino's When text");
    }

    @Test
    void runNowOnTheTaskPageAddsARunWithoutReloading() {
        String name = Api.uniqueName("it-pages-task-run-now");
        long id = id(api.createQuietTask("checkdata", name));
        ChromeDriver d = openTask(id);
        assertTrue(all("#runs tr.run").isEmpty(), "no runs yet");
        TasksPageIT.markWindow();
        TasksPageIT.click(d, "#run-now");
        waitFor("the live page to show the finished run", Duration.ofSeconds(30), x -> {
            List<WebElement> runs = x.findElements(By.cssSelector("#runs tr.run"));
            return runs.size() == 1 && !runs.get(0).findElement(By.cssSelector("td.outcome")).getText().isBlank()
                    && !"RUNNING".equals(runs.get(0).findElement(By.cssSelector("td.outcome")).getText().trim());
        });
        TasksPageIT.assertNotReloaded("by Run now on the task page");
        assertEquals(1, api.awaitFinishedRuns(id, 1, Duration.ofSeconds(10)).size());
    }
}
