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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code procedures.xhtml} (Create task) and {@code daemon.xhtml} (state, node, running runs). */
@ExtendWith(Screenshots.class)
class ProceduresAndDaemonIT {

    private final Api api = new Api();

    private long tasksOf(String procedure) {
        return api.tasks().stream().filter(t -> procedure.equals(t.get("procedure"))).count();
    }

    @Test
    void listsTheProceduresAndCreatesATask() {
        ChromeDriver d = Chromium.staff();
        d.findElement(By.cssSelector("header nav")).findElement(By.linkText("Background procedures")).click();
        waitFor("the procedures page", x -> !x.findElements(By.id("procedures-table")).isEmpty());
        for (String procedure : TasksPageIT.DEMO_PROCEDURES) {
            List<WebElement> rows = all("#procedures-table tr.procedure[data-procedure='" + procedure + "']");
            assertEquals(1, rows.size(), "one row for " + procedure);
            WebElement row = rows.get(0);
            assertEquals(procedure, row.findElement(By.cssSelector("td.name")).getText().trim());
            assertFalse(row.findElement(By.cssSelector("td.task-class")).getText().isBlank(), procedure);
            assertFalse(row.findElement(By.cssSelector("td.suggested")).getText().isBlank(), procedure);
            assertEquals(1, row.findElements(By.cssSelector(".create-task")).size(), "Create task for " + procedure);
        }
        assertTrue(all("#procedures-table tr.procedure[data-procedure='send_weekly_report'] td.suggested").get(0)
                .getText().contains("saturday"), "the suggested recurrence as declared");

        long before = tasksOf("checksummaries");
        all("#procedures-table tr.procedure[data-procedure='checksummaries'] .create-task").get(0).click();
        waitFor("a message after Create task", x -> x.findElements(By.cssSelector(".messages")).stream()
                .anyMatch(m -> !m.getText().isBlank()));
        Api.poll("a further checksummaries task", Duration.ofSeconds(10),
                () -> tasksOf("checksummaries") == before + 1 ? true : null);
    }

    @Test
    void theDaemonPageShowsItsStateAndTheRunningRuns() {
        long id = id(api.createQuietTask("rebuild_search_index", Api.uniqueName("it-pages-slow")));
        ChromeDriver d = Chromium.staff();
        d.findElement(By.cssSelector("header nav")).findElement(By.linkText("Daemon")).click();
        waitFor("the daemon page", x -> !x.findElements(By.id("daemon-state")).isEmpty());
        // Read in one script: a push may re-render the live part between finding an element and reading it.
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) Chromium.js("return ['daemon-state', 'node', 'next-wake-up'].map("
                + "function (i) { var e = document.getElementById(i); return e ? e.textContent.trim() : ''; });");
        assertEquals("on", texts.get(0), texts.toString());
        assertFalse(texts.get(1).isBlank(), "the node: " + texts);
        assertFalse(texts.get(2).isBlank(), "the next wake-up: " + texts);
        assertEquals(1, all("table#running").size());

        api.runNow(id);
        waitFor("the slow run listed with its progress on the daemon page", Duration.ofSeconds(20),
                x -> !x.findElements(By.cssSelector("#running progress")).isEmpty());
        d.get(url("task.xhtml?id=" + id));
        waitFor("the running run with its progress on the task page",
                x -> !x.findElements(By.cssSelector("#runs tr.run progress")).isEmpty());
    }
}
