package lino.linod.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Unit;
import lino.linod.task.LogLevel;
import lino.linod.task.SystemTask;
import org.junit.jupiter.api.Test;

/**
 * {@code linod --list} word for word: the noi1e demo of Lino's admin guide (the seeds' "7 scheduled jobs:"), a
 * site without tasks and a site that does not use linod.
 */
class ListingTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    /** As Lino's admin guide prints it; "..." stands for the next run, which the test sets. */
    private static final List<String> NOI1E = List.of(
            "7 scheduled jobs:",
            "[1] Every 1 day at 20:00:00 do checksummaries() (last run: [never], next run: ...)",
            "[2] Every 1 day at 20:00:00 do checkdata() (last run: [never], next run: ...)",
            "[3] Every 10 seconds do send_pending_emails_often() (last run: [never], next run: ...)",
            "[4] Every 1 day at 20:00:00 do send_pending_emails_daily() (last run: [never], next run: ...)",
            "[5] Every 1 day at 20:00:00 do clear_seen_messages() (last run: [never], next run: ...)",
            "[6] Every 3600 seconds do update_all_repos() (last run: [never], next run: ...)",
            "[7] Every 10 seconds do get_new_mail() (last run: [never], next run: ...)");

    private static SystemTask task(int seqno, String procedure, Recurrence recurrence, Instant next)
            throws ReflectiveOperationException {
        SystemTask t = new SystemTask(seqno, procedure, procedure, LogLevel.INFO, recurrence);
        Field field = SystemTask.class.getDeclaredField("nextRunTime");
        field.setAccessible(true);
        field.set(t, next);
        return t;
    }

    private static Recurrence dailyAt20() {
        return Recurrence.builder().unit(Unit.DAILY).every(1).startTime(LocalTime.of(20, 0)).build();
    }

    @Test
    void listsLinosNoi1eDemoAsLinoDid() throws ReflectiveOperationException {
        Instant evening = LocalDate.of(2026, 12, 3).atTime(20, 0).atZone(ZONE).toInstant();
        Instant soon = LocalDate.of(2026, 12, 3).atTime(9, 15, 10).atZone(ZONE).toInstant();
        Instant hour = LocalDate.of(2026, 12, 3).atTime(10, 15, 0).atZone(ZONE).toInstant();
        List<SystemTask> tasks = List.of(
                task(1, "checksummaries", dailyAt20(), evening),
                task(2, "checkdata", dailyAt20(), evening),
                task(3, "send_pending_emails_often", Recurrence.every(10, Unit.SECONDLY), soon),
                task(4, "send_pending_emails_daily", dailyAt20(), evening),
                task(5, "clear_seen_messages", dailyAt20(), evening),
                task(6, "update_all_repos", Recurrence.every(3600, Unit.SECONDLY), hour),
                task(7, "get_new_mail", Recurrence.every(10, Unit.SECONDLY), soon));
        List<String> expected = new ArrayList<>();
        String[] next = {null, "2026-12-03 20:00:00", "2026-12-03 20:00:00", "2026-12-03 09:15:10",
            "2026-12-03 20:00:00", "2026-12-03 20:00:00", "2026-12-03 10:15:00", "2026-12-03 09:15:10"};
        for (int i = 0; i < NOI1E.size(); i++) {
            expected.add(i == 0 ? NOI1E.get(0) : NOI1E.get(i).replace("next run: ...", "next run: " + next[i]));
        }
        assertEquals(expected, List.of(Listing.of(tasks, tasks.size(), ZONE).split("\n")));
    }

    @Test
    void aSiteWithoutTasksAndASiteWithoutLinod() {
        assertEquals("This site has no scheduled jobs.\n", Listing.of(List.of(), 0, ZONE));
        assertEquals("This site does not use linod.\n", Listing.of(null, 0, ZONE));
    }

    @Test
    void everyUnitInTheStyleOfTheListing() {
        assertEquals("Every 1 week on Saturday at 04:00:00", Recurrence.builder().unit(Unit.WEEKLY).every(1)
                .weekdays(java.time.DayOfWeek.SATURDAY).startTime(LocalTime.of(4, 0)).build().listingText());
        assertEquals("Every 2 months on the last Friday at 09:30:00", Recurrence.builder().unit(Unit.MONTHLY)
                .every(2).weekdays(java.time.DayOfWeek.FRIDAY).positions(-1).startTime(LocalTime.of(9, 30))
                .build().listingText());
        assertEquals("Every 5 minutes", Recurrence.every(5, Unit.MINUTELY).listingText());
        assertEquals("Every 1 hour", Recurrence.every(1, Unit.HOURLY).listingText());
        assertEquals("Every 1 year", Recurrence.every(1, Unit.YEARLY).listingText());
        assertEquals("Never", Recurrence.every(1, Unit.NEVER).listingText());
        assertEquals("Once on 2027-01-02 at 04:00:00", Recurrence.builder().unit(Unit.ONCE)
                .startDate(LocalDate.of(2027, 1, 2)).startTime(LocalTime.of(4, 0)).build().listingText());
    }
}
