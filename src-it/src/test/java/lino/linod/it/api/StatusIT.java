package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /status}: the daemon's state as JSON, and as {@code linod --list} printed it as text. */
class StatusIT {

    /** As Python printed a datetime: the site's local time to the second. */
    private static final String LOCAL_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern LINE = Pattern.compile("\\[(\\d+)] (.+) do (\\w+)\\(\\) \\(last run: (\\[never]|"
            + LOCAL_TIME + "), next run: (\\[never]|\\[disabled]|\\[running]|" + LOCAL_TIME + ")\\)");

    private final LinodApi staff = LinodApi.staff();

    @Test
    void jsonStatus() {
        Map<String, Object> status = LinodApi.viewer().get("status", "application/json").expect(200).object();
        assertEquals(Boolean.TRUE, status.get("useLinod"), status.toString());
        assertEquals(Boolean.TRUE, status.get("active"), status.toString());
        assertTrue(status.get("node") instanceof String node && !node.isBlank(), status.toString());
        assertTrue(status.containsKey("nextWakeUp"), status.toString());
        LinodApi.instant(status, "nextWakeUp");
        assertTrue(status.get("running") instanceof List<?>, status.toString());
        for (Map<String, Object> running : LinodApi.objects((List<Object>) status.get("running"))) {
            for (String key : List.of("taskId", "runId", "taskName", "percent", "progressText")) {
                assertTrue(running.containsKey(key), key + " missing in " + running);
            }
        }
    }

    @Test
    void textListingHasOneLinePerTask() {
        String name = LinodApi.uniqueName("it-api-status");
        Map<String, Object> created = staff.createQuietTask("checksummaries", name);
        Map<String, Object> disabled = staff.update(id(staff.createQuietTask("checkdata", name + "-off")),
                "disabled", true, "recurrence", Json.object("unit", "daily", "every", 3));

        // Read the tasks first: a task that had started by then shows a last run in the listing read after.
        List<Map<String, Object>> tasks = staff.allTasks();
        LinodApi.Reply reply = LinodApi.viewer().get("status", "text/plain").expect(200);
        assertTrue(reply.contentType().startsWith("text/plain"), reply.toString());
        String[] lines = reply.body().split("\n");
        assertEquals(tasks.size() + " scheduled jobs:", lines[0], reply.body());
        assertEquals(tasks.size() + 1, lines.length, reply.body());
        List<String> bad = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) {
                bad.add(lines[i]);
                continue;
            }
            Map<String, Object> task = tasks.get(i - 1);
            if (!m.group(1).equals(String.valueOf(task.get("seqno"))) || !m.group(3).equals(task.get("procedure"))
                    || !m.group(2).startsWith("Every ") && !m.group(2).startsWith("Once") && !m.group(2).equals("Never")
                    && !m.group(2).startsWith("Cron ")) {
                bad.add(lines[i] + " (task " + task + ")");
            }
            // The next run in the site's zone, to the second (the API's instants carry the site's offset); for
            // tasks that run daily or less often, so that none ran between the two reads.
            java.time.OffsetDateTime next = LinodApi.instant(task, "nextRunTime");
            Object unit = ((Map<?, ?>) task.get("recurrence")).get("unit");
            if (next != null && unit != null && List.of("daily", "weekly", "monthly", "yearly").contains(unit)
                    && !Boolean.TRUE.equals(task.get("disabled")) && task.get("requestedAt") == null
                    && m.group(5).matches(LOCAL_TIME) && !m.group(5).equals(STAMP.format(next))) {
                bad.add(lines[i] + " (next run should be " + STAMP.format(next) + " as in " + task + ")");
            }
            if (task.get("lastStartTime") != null && m.group(4).equals("[never]")) {
                bad.add(lines[i] + " (last run should match lastStartTime of " + task + ")");
            }
        }
        assertEquals(List.of(), bad, "lines not like '[4] Every 1 day at 20:00:00 do checkdata() (last run: [never], next run: 2026-12-03 20:00:00)'");
        assertTrue(reply.body().contains("[" + created.get("seqno") + "] Never do checksummaries() (last run: [never],"
                + " next run: [never])"), reply.body());
        assertTrue(Pattern.compile("\\[" + disabled.get("seqno") + "] Every 3 days do checkdata\\(\\) \\(last run: "
                + "\\[never], next run: (\\[never]|\\[disabled])\\)").matcher(reply.body()).find(), reply.body());
    }
}
