package lino.linod.daemon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import lino.linod.task.SystemTask;

/** What Lino's {@code linod --list} printed: "N scheduled jobs:" and a line per task with its last and next run. */
final class Listing {

    private Listing() {
    }

    /** @param tasks null when the site does not use linod */
    static String of(List<SystemTask> tasks, ZoneId zone) {
        if (tasks == null) {
            return "This site does not use linod.\n";
        }
        StringBuilder out = new StringBuilder().append(tasks.size()).append(" scheduled jobs:\n");
        for (SystemTask t : tasks) {
            out.append('[').append(t.getSeqno()).append("] ").append(t.getRecurrence().whenText())
                    .append(" do ").append(t.getProcedure()).append("() (last run: ")
                    .append(show(t.getLastStartTime(), zone)).append(", next run: ")
                    .append(t.isRunning() ? "[running]" : t.isDisabled() ? "[disabled]" : show(t.getNextRunTime(), zone))
                    .append(")\n");
        }
        return out.toString();
    }

    private static String show(Instant instant, ZoneId zone) {
        return instant == null ? "[never]" : ZonedDateTime.ofInstant(instant, zone).toLocalDateTime().toString();
    }
}
