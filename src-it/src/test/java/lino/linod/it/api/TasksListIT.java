package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static lino.linod.it.api.LinodApi.items;
import static lino.linod.it.api.LinodApi.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/tasks}: one page at a time in No. order, with the count of all that match, filtered by state,
 * procedure and a text in the name; every paging and filter parameter bounded, a bad one 400 naming it.
 */
class TasksListIT {

    private final LinodApi staff = LinodApi.staff();

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Map<String, Object> page(String query) {
        return staff.get("tasks?" + query).expect(200).object();
    }

    private List<Long> ids(String query) {
        return items(page(query)).stream().map(LinodApi::id).toList();
    }

    @Test
    void pagesInNoOrderWithTheCountOfAll() {
        String prefix = LinodApi.uniqueName("it-api-list-paging");
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(id(staff.createQuietTask("checkdata", prefix + "-" + i)));
        }
        String text = "text=" + encoded(prefix);
        Map<String, Object> first = page(text + "&size=3");
        assertEquals(0, number(first, "page"), first.toString());
        assertEquals(3, number(first, "size"), first.toString());
        assertEquals(7, number(first, "total"), first.toString());
        List<Long> walked = new ArrayList<>();
        walked.addAll(items(first).stream().map(LinodApi::id).toList());
        walked.addAll(ids(text + "&size=3&page=1"));
        walked.addAll(ids(text + "&size=3&page=2"));
        assertEquals(created, walked, "three pages of 3, 3 and 1 in No. order");
        Map<String, Object> past = page(text + "&size=3&page=3");
        assertEquals(List.of(), items(past), "a page past the end is empty");
        assertEquals(7, number(past, "total"), past.toString());

        Map<String, Object> defaults = page("");
        assertEquals(0, number(defaults, "page"), "page 0 unless asked");
        assertEquals(50, number(defaults, "size"), "50 tasks a page unless asked");
        assertTrue(items(defaults).size() <= 50, "one page only");
        assertEquals(staff.allTasks().size(), number(defaults, "total"), "total counts every task");
        long previous = Long.MIN_VALUE;
        for (Map<String, Object> task : items(defaults)) {
            assertTrue(number(task, "seqno") >= previous, "No. order: " + defaults);
            previous = number(task, "seqno");
        }
    }

    @Test
    void filtersByTextProcedureAndState() {
        String prefix = LinodApi.uniqueName("it-api-list-filter");
        long plain = id(staff.createQuietTask("checkdata", prefix + "-Plain"));
        long percent = id(staff.createQuietTask("checkdata", prefix + "-100%_done"));
        long lookalike = id(staff.createQuietTask("checkdata", prefix + "-100xxdone"));
        long summaries = id(staff.createQuietTask("checksummaries", prefix + "-sums"));
        staff.update(summaries, "disabled", true);

        assertEquals(List.of(plain, percent, lookalike, summaries), ids("text=" + encoded(prefix.toUpperCase())),
                "the text is found in the name, case ignored");
        assertEquals(List.of(plain), ids("text=" + encoded(prefix + "-pLAIN")));
        assertEquals(List.of(percent), ids("text=" + encoded(prefix + "-100%_")), "% and _ are plain characters");
        assertEquals(List.of(summaries), ids("procedure=checksummaries&text=" + encoded(prefix)));
        assertEquals(List.of(), ids("procedure=checksum&text=" + encoded(prefix)), "the procedure's exact name");
        assertEquals(List.of(summaries), ids("state=disabled&text=" + encoded(prefix)));
        assertEquals(List.of(plain, percent, lookalike), ids("state=enabled&text=" + encoded(prefix)));
        assertEquals(List.of(plain, percent, lookalike, summaries), ids("state=all&text=" + encoded(prefix)));
        assertEquals(List.of(), ids("state=running&text=" + encoded(prefix)), "quiet tasks do not run");
        assertEquals(List.of(), ids("state=requested&text=" + encoded(prefix)));
        assertEquals(List.of(), ids("state=failed&text=" + encoded(prefix)), "no runs, none failed");
        for (Map<String, Object> task : items(page("state=disabled&size=1000"))) {
            assertEquals(Boolean.TRUE, task.get("disabled"), task.toString());
        }
        assertEquals(List.of(summaries), ids("state=disabled&procedure=checksummaries&text=" + encoded(prefix)),
                "the filters together");
    }

    /** Failed is the newest run's outcome: a task whose newest run failed is listed, one whose run succeeded not. */
    @Test
    void failedMeansTheNewestRunFailed() {
        String prefix = LinodApi.uniqueName("it-api-list-failed");
        long throwing = id(staff.createQuietTask("sync_remote_calendar", prefix + "-throws"));
        long fine = id(staff.createQuietTask("checkdata", prefix + "-fine"));
        staff.post("tasks/" + fine + "/run-now", null).expect(200);
        int[] runs = {0};
        // The demo procedure throws on one run in ten: run it until it does.
        LinodApi.poll("a run of sync_remote_calendar failed", Duration.ofSeconds(60), () -> {
            staff.post("tasks/" + throwing + "/run-now", null).expect(200);
            runs[0]++;
            Map<String, Object> newest = staff.awaitFinishedRuns(throwing, runs[0], Duration.ofSeconds(30)).get(0);
            return "FAILED".equals(newest.get("outcome")) ? newest : null;
        });
        assertEquals("SUCCESS", staff.awaitFinishedRuns(fine, 1, Duration.ofSeconds(30)).get(0).get("outcome"));
        assertEquals(List.of(throwing), ids("state=failed&text=" + encoded(prefix)));
    }

    @Test
    void badParametersAre400NamingThem() {
        staff.get("tasks?page=-1").expectInvalid("page");
        staff.get("tasks?page=abc").expectInvalid("page");
        staff.get("tasks?page=1000001").expectInvalid("page");
        staff.get("tasks?size=0").expectInvalid("size");
        staff.get("tasks?size=1001").expectInvalid("size");
        staff.get("tasks?size=99999999999").expectInvalid("size");
        staff.get("tasks?state=sleeping").expectInvalid("state");
        staff.get("tasks?state=").expectInvalid("state");
        staff.get("tasks?procedure=" + "p".repeat(101)).expectInvalid("procedure");
        staff.get("tasks?text=" + "t".repeat(201)).expectInvalid("text");
        LinodApi.Reply both = staff.get("tasks?page=-1&size=0&state=x").expectInvalid("page");
        assertEquals(List.of("page", "size", "state"), both.errorFields().stream().sorted().toList(),
                "every bad parameter named at once: " + both);
        assertEquals(1000, number(page("size=1000&page=1000000"), "size"), "the largest page and size are allowed");
        LinodApi.viewer().get("tasks?state=enabled&size=5").expect(200);
    }
}
