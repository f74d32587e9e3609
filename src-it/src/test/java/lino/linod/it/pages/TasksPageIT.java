package lino.linod.it.pages;

import static lino.linod.it.pages.Api.id;
import static lino.linod.it.pages.Chromium.all;
import static lino.linod.it.pages.Chromium.js;
import static lino.linod.it.pages.Chromium.url;
import static lino.linod.it.pages.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** {@code tasks.xhtml}: the demo tasks, the live table, Run now, filters, sorting, moving and escaping. */
@ExtendWith(Screenshots.class)
class TasksPageIT {

    static final List<String> DEMO_PROCEDURES = List.of("checkdata", "checksummaries", "send_pending_emails_often",
            "send_pending_emails_daily", "clear_seen_messages", "send_weekly_report", "read_inbox",
            "sync_remote_calendar", "rebuild_search_index", "clear_too_old_job_history");

    private final Api api = new Api();

    /** The row of a task, looked up afresh (the live refresh replaces the table every two seconds). */
    static WebElement row(WebDriver d, long id) {
        List<WebElement> rows = d.findElements(By.cssSelector("#tasks-table tr.task[data-id='" + id + "']"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A cell's text, read in one script so that a live refresh cannot replace the row halfway; null without it. */
    static String cell(WebDriver d, long id, String column) {
        return (String) js("var tr = document.querySelector(\"#tasks-table tr.task[data-id='\" + arguments[0] + \"']\");"
                + "var td = tr ? tr.querySelector('td.' + arguments[1]) : null; return td ? td.textContent.trim() : null;",
                id, column);
    }

    /** Clicks what {@code css} finds, trying again when a pushed refresh replaced it between finding and clicking. */
    /** A button's {@code disabled} attribute, read again when a push re-rendered the button meanwhile. */
    static String disabledAttribute(String id) {
        return waitFor("the button " + id, x -> String.valueOf(x.findElement(By.id(id)).getAttribute("disabled")));
    }

    static void click(WebDriver d, String css) {
        waitFor("a click on " + css, x -> {
            x.findElement(By.cssSelector(css)).click();
            return Boolean.TRUE;
        });
    }

    /** Clicks a button in a task's row, trying again when a live refresh replaced the row meanwhile. */
    static void clickInRow(long id, String css) {
        waitFor("a " + css + " button in the row of task " + id, x -> {
            row(x, id).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    static List<String> shownNames(WebDriver d) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) js("return Array.from(document.querySelectorAll('#tasks-table tr.task'))"
                + ".map(function (tr) { return tr.getAttribute('data-task'); });");
        return names;
    }

    static int refreshed(WebDriver d) {
        String value = (String) js("var t = document.getElementById('tasks-table');"
                + "return t ? t.getAttribute('data-refreshed') : null;");
        assertTrue(value != null && value.matches("\\d+"), "data-refreshed should be a counter: " + value);
        return Integer.parseInt(value);
    }

    /** Types a filter, picks a state, presses Apply and waits until the table shows exactly {@code expected}. */
    static void filter(WebDriver d, String text, String state, Set<String> expected) {
        WebElement filter = d.findElement(By.id("filter"));
        filter.clear();
        filter.sendKeys(text);
        new Select(d.findElement(By.id("state"))).selectByValue(state);
        d.findElement(By.id("apply")).click();
        waitFor("the table filtered by '" + text + "' and state " + state + " to show " + expected,
                x -> new HashSet<>(shownNames(x)).equals(expected) && shownNames(x).size() == expected.size());
    }

    /** Clicks a button of the table's form, trying again when a live refresh replaced it meanwhile. */
    static void click(String id) {
        waitFor("the button " + id, x -> {
            x.findElement(By.id(id)).click();
            return true;
        });
    }

    /** Puts a mark on the window object: it is gone if the page is reloaded or left. */
    static void markWindow() {
        js("window.linodItMark = 'kept';");
    }

    static void assertNotReloaded(String when) {
        assertEquals("kept", js("return window.linodItMark;"), "the page was reloaded or left " + when);
    }

    /**
     * The table's rows read in one script, so that a live refresh cannot replace them halfway: per row its data
     * attributes, the text of each cell, the name link and how many of each staff button it has.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> snapshot() {
        return (Map<String, Map<String, Object>>) js("var out = {};"
                + "document.querySelectorAll('#tasks-table tr.task').forEach(function (tr) {"
                + "  var row = {task: tr.getAttribute('data-task'), rows: 1};"
                + "  ['seqno', 'name', 'level', 'disabled', 'status', 'procedure', 'next-run', 'last-outcome']"
                + "    .forEach(function (c) { var td = tr.querySelectorAll('td.' + c);"
                + "      row[c] = td.length === 1 ? td[0].textContent.trim() : null; });"
                + "  var a = tr.querySelector('td.name a'); row.href = a ? a.href : null;"
                + "  ['run-now', 'move-up', 'move-down'].forEach(function (b) {"
                + "    row[b] = tr.querySelectorAll('.' + b).length; });"
                + "  if (out[tr.getAttribute('data-id')]) { out[tr.getAttribute('data-id')].rows++; }"
                + "  else { out[tr.getAttribute('data-id')] = row; }"
                + "});"
                + "return out;");
    }

    /** The pager's facts, read in one script: page shown, pages, tasks in all. */
    static List<Long> pager() {
        @SuppressWarnings("unchecked")
        List<Long> facts = (List<Long>) js("var p = document.getElementById('page-of'); return p ? ["
                + "parseInt(p.getAttribute('data-page'), 10), parseInt(p.getAttribute('data-pages'), 10),"
                + "parseInt(p.getAttribute('data-total'), 10)] : null;");
        return facts;
    }

    /** The first page of the table holds the first page of the API's list (50 tasks by No.), with its cells. */
    @Test
    void showsTheFirstPageOfTasksWithTheirCellsAndTheStaffButtons() {
        List<Map<String, Object>> tasks = api.tasks("size=50");
        long total = api.tasks().size();
        ChromeDriver d = Chromium.staff();
        assertEquals("System tasks", d.findElement(By.tagName("h1")).getText());
        assertTrue(d.getTitle().contains("System tasks"), d.getTitle());
        Map<String, Map<String, Object>> rows = snapshot();
        Set<String> procedures = new HashSet<>();
        for (Map<String, Object> task : tasks) {
            long id = id(task);
            Map<String, Object> row = rows.get(String.valueOf(id));
            assertTrue(row != null, "no row for task " + task);
            String shown = "row " + row + " of task " + task;
            assertEquals(1L, row.get("rows"), shown);
            assertEquals(task.get("name"), row.get("task"), shown);
            // The cell shows the name as HTML lays text out: blanks at its ends dropped, runs of them one.
            assertEquals(String.valueOf(task.get("name")).replaceAll("\\s+", " ").strip(), row.get("name"), shown);
            assertTrue(String.valueOf(row.get("href")).endsWith("task.xhtml?id=" + id), "the name links: " + shown);
            assertEquals(task.get("procedure"), row.get("procedure"), shown);
            assertEquals(Boolean.TRUE.equals(task.get("disabled")) ? "Yes" : "No", row.get("disabled"), shown);
            assertEquals(task.get("logLevel"), row.get("level"), shown);
            assertEquals(String.valueOf(task.get("seqno")), row.get("seqno"), shown);
            assertTrue(row.get("status") instanceof String s && !s.isEmpty(), shown);
            assertTrue(row.get("next-run") != null && row.get("last-outcome") != null, shown);
            for (String button : List.of("run-now", "move-up", "move-down")) {
                assertEquals(1L, row.get(button), button + " in " + shown);
            }
            procedures.add((String) task.get("procedure"));
        }
        assertTrue(procedures.containsAll(DEMO_PROCEDURES), "demo tasks shown: " + procedures);
        assertEquals(tasks.size(), rows.size(), "one row per task of the page");
        assertEquals(List.of(1L, Math.max(1, (total + 49) / 50), total), pager(), "page 1 of all tasks");
        for (String sort : List.of("input.sort-seqno", "input.sort-name", "input.sort-status", "input.sort-next-run")) {
            assertEquals(1, all("#tasks-table " + sort).size(), sort);
        }
    }

    /** Lino's SetupTasks on the page: staff press it and read what it did, without a reload. */
    @Test
    void setupTasksSaysWhatItDid() {
        ChromeDriver d = Chromium.staff();
        d.get(url("tasks.xhtml"));
        waitFor("the tasks page", x -> !x.findElements(By.cssSelector(".setup-tasks")).isEmpty());
        markWindow();
        click(d, ".setup-tasks");
        String message = waitFor("the SetupTasks message", x -> x.findElements(By.cssSelector(".messages")).stream()
                .map(WebElement::getText).filter(t -> t.contains("No task to create.") || t.startsWith("Created "))
                .findFirst().orElse(null));
        assertNotReloaded("by Setup tasks (" + message + ")");
    }

    @Test
    void runNowShowsTheRequestAndTheNewRunWithoutReloading() {
        String name = Api.uniqueName("it-pages-run-now");
        long id = id(api.createQuietTask("checkdata", name));
        ChromeDriver d = Chromium.staff();
        filter(d, name, "all", Set.of(name));
        String statusBefore = cell(d, id, "status");
        assertEquals("", cell(d, id, "last-outcome"), "a new task has no outcome");
        int refreshedBefore = refreshed(d);
        markWindow();

        clickInRow(id, ".run-now");
        String message = waitFor("the Run now message", x -> x.findElements(By.cssSelector(".messages")).stream()
                .map(WebElement::getText).filter(t -> t.contains(RunningLinod.ADMIN + " requested to run"))
                .findFirst().orElse(null));
        assertNotReloaded("by Run now (" + message + ")");

        waitFor("the live table to show the finished run of " + name + " (status was '" + statusBefore + "')",
                Duration.ofSeconds(30), x -> {
                    String outcome = cell(x, id, "last-outcome");
                    String status = cell(x, id, "status");
                    return outcome != null && !outcome.isEmpty() && !status.startsWith("Requested")
                            && !status.startsWith("Running") && refreshed(x) > refreshedBefore;
                });
        assertNotReloaded("while the table refreshed");
        List<Map<String, Object>> runs = api.awaitFinishedRuns(id, 1, Duration.ofSeconds(10));
        assertEquals(1, runs.size(), "one run: " + runs);
        assertEquals(runs.get(0).get("outcome"), cell(d, id, "last-outcome"));
    }

    @Test
    void theTableFollowsChangesMadeElsewhereWithoutReloading() {
        String name = Api.uniqueName("it-pages-live");
        long id = id(api.createQuietTask("checkdata", name));
        ChromeDriver d = Chromium.staff();
        filter(d, name, "all", Set.of(name));
        int refreshedBefore = refreshed(d);
        markWindow();
        api.update(id, "disabled", true);
        waitFor("the live table to show task " + name + " disabled through the API", x -> "Yes".equals(
                cell(x, id, "disabled")) && "Disabled".equals(cell(x, id, "status")));
        assertTrue(refreshed(d) > refreshedBefore, "data-refreshed counts the refreshes");
        int later = refreshed(d);
        waitFor("another refresh", x -> refreshed(x) > later);
        assertNotReloaded("while the table refreshed");
    }

    @Test
    void filterAndStateNarrowTheTable() {
        String prefix = Api.uniqueName("it-pages-filter");
        long enabled = id(api.createQuietTask("checkdata", prefix + "-on"));
        long disabled = id(api.createQuietTask("checkdata", prefix + "-off"));
        api.update(disabled, "disabled", true);
        ChromeDriver d = Chromium.staff();
        filter(d, prefix, "all", Set.of(prefix + "-on", prefix + "-off"));
        filter(d, prefix, "disabled", Set.of(prefix + "-off"));
        assertEquals("Yes", cell(d, disabled, "disabled"));
        filter(d, prefix, "enabled", Set.of(prefix + "-on"));
        assertEquals("No", cell(d, enabled, "disabled"));
        filter(d, prefix, "requested", Set.of());
        filter(d, "", "disabled", api.tasks("state=disabled&size=50").stream()
                .map(t -> (String) t.get("name")).collect(Collectors.toSet()));
    }

    /**
     * 60 tasks that match a filter are two pages: 50 rows, then 10 after Next; the live refresh keeps the page shown
     * (and reads only it); Previous goes back; the procedure filter narrows them in the database too.
     */
    @Test
    void pagesThroughTasksFiftyAtATime() {
        String prefix = Api.uniqueName("it-pages-paging");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = prefix + "-" + (100 + i);
            api.createQuietTask(i % 12 == 0 ? "checksummaries" : "checkdata", name);
            names.add(name);
        }
        ChromeDriver d = Chromium.staff();
        filter(d, prefix, "all", Set.copyOf(names.subList(0, 50)));
        assertEquals(List.of(1L, 2L, 60L), pager(), "page 1 of 2");
        assertEquals("true", disabledAttribute("tasksForm:previousPage"), "no page before the first");
        markWindow();

        click("tasksForm:nextPage");
        waitFor("page 2 with the last 10 tasks", x -> shownNames(x).equals(names.subList(50, 60)));
        assertEquals(List.of(2L, 2L, 60L), pager(), "page 2 of 2");
        assertEquals("true", disabledAttribute("tasksForm:nextPage"), "no page 3");
        int refreshedBefore = refreshed(d);
        waitFor("a live refresh", x -> refreshed(x) > refreshedBefore);
        assertEquals(names.subList(50, 60), shownNames(d), "the live refresh stays on page 2");
        assertEquals(List.of(2L, 2L, 60L), pager(), "still page 2 of 2");

        click("tasksForm:previousPage");
        waitFor("page 1 again", x -> shownNames(x).equals(names.subList(0, 50)));
        assertNotReloaded("by paging");

        new Select(d.findElement(By.id("procedure"))).selectByValue("checksummaries");
        d.findElement(By.id("apply")).click();
        List<String> ofProcedure = List.of(names.get(0), names.get(12), names.get(24), names.get(36), names.get(48));
        waitFor("the tasks of checksummaries only", x -> shownNames(x).equals(ofProcedure));
        assertEquals(List.of(1L, 1L, 5L), pager(), "one page of 5");
    }

    @Test
    void sortsByNameBothWays() {
        ChromeDriver d = Chromium.staff();
        Comparator<String> byName = Comparator.comparing(n -> n.toLowerCase(Locale.ROOT));
        click(d, "input.sort-name");
        List<String> first = waitFor("the table sorted by name", x -> {
            List<String> names = shownNames(x);
            return names.size() > 1 && (sorted(names, byName) || sorted(names, byName.reversed())) ? names : null;
        });
        click(d, "input.sort-name");
        waitFor("the table sorted by name the other way", x -> {
            List<String> names = shownNames(x);
            return sorted(names, byName.reversed()) && sorted(first, byName)
                    || sorted(names, byName) && sorted(first, byName.reversed());
        });
    }

    private static boolean sorted(List<String> names, Comparator<String> order) {
        for (int i = 1; i < names.size(); i++) {
            if (order.compare(names.get(i - 1), names.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void moveDownSwapsTheNumbers() {
        String prefix = Api.uniqueName("it-pages-move");
        long first = id(api.createQuietTask("checkdata", prefix + "-a"));
        long second = id(api.createQuietTask("checkdata", prefix + "-b"));
        long seqnoA = seqno(api.task(first));
        long seqnoB = seqno(api.task(second));
        assertTrue(seqnoA < seqnoB, "a new task comes last: " + seqnoA + ", " + seqnoB);
        ChromeDriver d = Chromium.staff();
        filter(d, prefix, "all", Set.of(prefix + "-a", prefix + "-b"));
        clickInRow(first, ".move-down");
        Api.poll("task " + prefix + "-a moved below " + prefix + "-b", Duration.ofSeconds(10),
                () -> seqno(api.task(first)) > seqno(api.task(second)) ? true : null);
        waitFor("the table to show " + prefix + "-b first", x -> List.of(prefix + "-b", prefix + "-a")
                .equals(shownNames(x)));
    }

    /**
     * Move down on a task that shares its No. with the next one, a third task numbered one higher: one transaction
     * tells the two apart and swaps them, and no two of the three end with the same No. (issue #11).
     */
    @Test
    void moveDownLeavesDistinctNumbersEvenWhenTwoShareOne() {
        String prefix = Api.uniqueName("it-pages-move-shared");
        long a = id(api.createQuietTask("checkdata", prefix + "-a"));
        long b = id(api.createQuietTask("checkdata", prefix + "-b"));
        long c = id(api.createQuietTask("checkdata", prefix + "-c"));
        int shared = 500_000 + (int) (System.nanoTime() % 100_000) * 2;
        api.update(a, "seqno", shared);
        api.update(b, "seqno", shared);
        api.update(c, "seqno", shared + 1);
        ChromeDriver d = Chromium.staff();
        filter(d, prefix, "all", Set.of(prefix + "-a", prefix + "-b", prefix + "-c"));
        clickInRow(a, ".move-down");
        Api.poll("task " + prefix + "-a moved below " + prefix + "-b", Duration.ofSeconds(10),
                () -> seqno(api.task(a)) > seqno(api.task(b)) ? true : null);
        Set<Long> numbers = Set.of(a, b, c).stream().map(id -> seqno(api.task(id))).collect(Collectors.toSet());
        assertEquals(3, numbers.size(), "distinct numbers: " + numbers);
        waitFor("the table to show " + prefix + "-b, -a, -c", x -> List.of(prefix + "-b", prefix + "-a",
                prefix + "-c").equals(shownNames(x)));
    }

    private static long seqno(Map<String, Object> task) {
        return ((BigDecimal) task.get("seqno")).longValueExact();
    }

    @Test
    void userTextIsShownAsText() {
        String unique = Api.uniqueName("it-pages-escape");
        String hostile = "<img src=x onerror=alert(1)> " + unique;
        long id = id(api.createQuietTask("checkdata", unique));
        api.update(id, "name", hostile);
        assertEquals(hostile, api.task(id).get("name"));
        ChromeDriver d = Chromium.staff();
        filter(d, unique, "all", Set.of(hostile));
        Map<String, Object> row = snapshot().get(String.valueOf(id));
        assertEquals(hostile, row.get("name"), row.toString());
        assertEquals(hostile, row.get("task"), row.toString());
        assertEquals(0L, js("return document.querySelectorAll(\"#tasks-table tr.task[data-id='\" + arguments[0]"
                + " + \"'] img\").length;", id), "no img in the row");
        assertTrue(all("img[src='x']").isEmpty(), "no img element from the task name on the page");
        assertThrows(NoAlertPresentException.class, () -> d.switchTo().alert(), "no script ran");

        d.get(url("task.xhtml?id=" + id));
        waitFor("the task page of the renamed task", x -> !x.findElements(By.id("name")).isEmpty());
        assertEquals(hostile, d.findElement(By.id("name")).getAttribute("value"));
        assertTrue(all("img[src='x']").isEmpty(), "no img element from the task name on the task page");
        assertTrue(d.findElements(By.cssSelector("#changes tr.change td.new")).stream()
                .anyMatch(td -> td.getText().contains(hostile)), "the audit trail shows the new name as text");
        assertThrows(NoAlertPresentException.class, () -> d.switchTo().alert(), "no script ran");
    }
}
