package lino.linod.daemon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import lino.linod.task.SystemTask;

/**
 * What Lino's {@code linod --list} printed: "N scheduled jobs:" and a line per task with its last and next run, for
 * the first {@link #MOST} tasks in No. order (a site of 100,000 tasks is listed page by page by the REST API).
 */
final class Listing {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The most tasks listed. */
    static final int MOST = 1000;

    private Listing() {
    }

    /**
     * @param tasks null when the site does not use linod
     * @param total how many tasks the site has
     */
    static String of(List<SystemTask> tasks, long total, ZoneId zone) {
        if (tasks == null) {
            return "This site does not use linod.\n";
        }
        if (total == 0) {
            return "This site has no scheduled jobs.\n";
        }
        StringBuilder out = new StringBuilder().append(total).append(" scheduled jobs:\n");
        for (SystemTask t : tasks) {
            out.append('[').append(t.getSeqno()).append("] ").append(t.getRecurrence().listingText())
                    .append(" do ").append(t.getProcedure()).append("() (last run: ")
                    .append(show(t.getLastStartTime(), zone)).append(", next run: ")
                    .append(t.isRunning() ? "[running]" : t.isDisabled() ? "[disabled]" : show(t.getNextRunTime(), zone))
                    .append(")\n");
        }
        if (total > tasks.size()) {
            out.append("… and ").append(total - tasks.size()).append(" more (GET /api/tasks?page=1&size=")
                    .append(tasks.size()).append(" and on).\n");
        }
        return out.toString();
    }

    /** As Python printed a datetime in the site's zone, to the second: {@code 2026-12-03 20:00:00}. */
    private static String show(Instant instant, ZoneId zone) {
        return instant == null ? "[never]" : STAMP.format(ZonedDateTime.ofInstant(instant, zone));
    }
}
