package lino.linod.task;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Violation;

/**
 * The site's quotas on what users ask of the daemon: how many system tasks there are ({@code max_tasks}) and how
 * often one may run ({@code shortest_interval}). Plain Java; {@link SystemTasks} applies them to users' creates
 * and changes, never to the tasks linod installs for its procedures nor to a recurrence left as it was.
 */
public record Limits(int maxTasks, Duration shortestInterval) {

    /** Runs looked at to find the shortest gap of a rule (a pattern repeats well within them). */
    static final int RUNS_SAMPLED = 200;

    /** @throws TooManyTasksException when a site with {@code tasks} tasks may not get one more */
    public void checkRoomForOneMore(long tasks) {
        if (tasks >= maxTasks) {
            throw new TooManyTasksException(tasks, maxTasks);
        }
    }

    /**
     * Why a (valid) recurrence runs more often than the site allows, from {@code now} on in {@code zone} (the
     * rule's own zone wins); empty when it does not. The violation names {@code cron} for a cron rule, else
     * {@code every}.
     */
    public Optional<Violation> tooOften(Recurrence recurrence, Instant now, ZoneId zone) {
        if (shortestInterval.isZero()) {
            return Optional.empty();
        }
        return recurrence.schedule(zone).shortestGap(now, RUNS_SAMPLED)
                .filter(gap -> gap.compareTo(shortestInterval) < 0)
                .map(gap -> new Violation(recurrence.cron() != null ? "cron" : "every", "runs every " + text(gap)
                        + "; this site allows at most one run every " + text(shortestInterval)
                        + " (setting shortest_interval)"));
    }

    private static String text(Duration d) {
        String iso = d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        return iso.replace("s", " s ").replace("m", " min ").replace("h", " h ").replaceAll(" +", " ").trim();
    }
}
