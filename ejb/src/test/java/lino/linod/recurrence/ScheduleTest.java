package lino.linod.recurrence;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.LastExecution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    static Recurrence.Builder rule(int every, Unit unit) {
        return Recurrence.builder().every(every).unit(unit);
    }

    static LocalDate date(String s) {
        return LocalDate.parse(s);
    }

    static LocalTime time(String s) {
        return LocalTime.parse(s);
    }

    /** Wall-clock time in Brussels, written as {@code 2026-04-05T09:00}; null stays null. */
    static Instant local(String s) {
        return s == null ? null : LocalDateTime.parse(s).atZone(BRUSSELS).toInstant();
    }

    /** Columns: what, rule, last start (null = never ran), now, runs so far, expected next run (null = none). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Lino's case: every 10 s after 23:59:55", rule(10, Unit.SECONDLY).build(),
                        "2025-05-16T23:59:55", "2025-05-16T23:59:56", 0, "2025-05-17T00:00:05"),
                Arguments.of("unanchored interval, never ran: asap", rule(300, Unit.SECONDLY).build(),
                        null, "2026-03-02T10:11:12", 0, "2026-03-02T10:11:12"),
                Arguments.of("minutely anchored grid", rule(15, Unit.MINUTELY).startDate(date("2026-01-01"))
                        .startTime(time("00:05")).build(), null, "2026-03-02T10:11", 0, "2026-03-02T10:20"),
                Arguments.of("minutely on the grid itself, never ran", rule(15, Unit.MINUTELY)
                        .startDate(date("2026-01-01")).startTime(time("00:05")).build(),
                        null, "2026-03-02T10:20", 0, "2026-03-02T10:20"),
                Arguments.of("hourly every 2", rule(2, Unit.HOURLY).startDate(date("2026-01-01"))
                        .startTime(time("01:00")).build(), "2026-01-05T01:00:07", "2026-01-05T02:00", 0,
                        "2026-01-05T03:00"),
                Arguments.of("hourly unanchored", rule(1, Unit.HOURLY).build(),
                        "2026-01-05T01:17", "2026-01-05T01:20", 0, "2026-01-05T02:17"),
                Arguments.of("daily at 04:00, not 24 h after the last run", rule(1, Unit.DAILY)
                        .startTime(time("04:00")).build(), "2026-02-10T04:07", "2026-02-10T05:00", 0,
                        "2026-02-11T04:00"),
                Arguments.of("daily without start: Lino's last start + 1 day", rule(1, Unit.DAILY).build(),
                        "2026-02-10T04:07", "2026-02-10T05:00", 0, "2026-02-11T04:07"),
                Arguments.of("daily, never ran, start time", rule(1, Unit.DAILY).startTime(time("04:00")).build(),
                        null, "2026-02-10T05:00", 0, "2026-02-11T04:00"),
                Arguments.of("every 2 days from the start date", rule(2, Unit.DAILY).startDate(date("2026-01-01"))
                        .startTime(time("04:00")).build(), null, "2026-01-02T12:00", 0, "2026-01-03T04:00"),
                Arguments.of("start date in the future", rule(1, Unit.DAILY).startDate(date("2026-06-01"))
                        .build(), null, "2026-01-02T12:00", 0, "2026-06-01T00:00"),
                Arguments.of("every working day", rule(1, Unit.DAILY)
                        .weekdays(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY).startTime(time("06:00")).build(),
                        "2026-04-03T06:00", "2026-04-03T06:01", 0, "2026-04-06T06:00"),
                Arguments.of("weekly on Saturday at 04:00, never ran", rule(1, Unit.WEEKLY).weekdays(SATURDAY)
                        .startTime(time("04:00")).build(), null, "2026-04-01T12:00", 0, "2026-04-04T04:00"),
                Arguments.of("weekly on Saturday at 04:00, ran", rule(1, Unit.WEEKLY).weekdays(SATURDAY)
                        .startTime(time("04:00")).build(), "2026-04-04T04:00:03", "2026-04-04T04:01", 0,
                        "2026-04-11T04:00"),
                Arguments.of("weekly without days: start date's weekday", rule(1, Unit.WEEKLY)
                        .startDate(date("2026-04-01")).startTime(time("08:00")).build(),
                        null, "2026-04-02T00:00", 0, "2026-04-08T08:00"),
                Arguments.of("every 2 weeks on Monday and Friday", rule(2, Unit.WEEKLY).weekdays(MONDAY, FRIDAY)
                        .startDate(date("2026-01-05")).startTime(time("08:00")).build(),
                        "2026-01-09T08:00", "2026-01-09T08:05", 0, "2026-01-19T08:00"),
                Arguments.of("the later of Monday and Friday, every 2 weeks", rule(2, Unit.WEEKLY).weekdays(MONDAY, FRIDAY)
                        .positions(-1).startDate(date("2026-01-05")).build(),
                        null, "2026-01-10T00:00", 0, "2026-01-23T00:00"),
                Arguments.of("31 January + 1 month = 28 February", rule(1, Unit.MONTHLY)
                        .startDate(date("2026-01-31")).startTime(time("09:00")).build(),
                        "2026-01-31T09:00", "2026-01-31T09:01", 0, "2026-02-28T09:00"),
                Arguments.of("then 31 March again: clamped per slot", rule(1, Unit.MONTHLY)
                        .startDate(date("2026-01-31")).startTime(time("09:00")).build(),
                        "2026-02-28T09:00", "2026-02-28T09:01", 0, "2026-03-31T09:00"),
                Arguments.of("30 April", rule(1, Unit.MONTHLY).startDate(date("2026-01-31"))
                        .startTime(time("09:00")).build(), "2026-03-31T09:00", "2026-03-31T09:01", 0,
                        "2026-04-30T09:00"),
                Arguments.of("31 January + 1 month in a leap year", rule(1, Unit.MONTHLY)
                        .startDate(date("2024-01-31")).build(), "2024-01-31T00:00", "2024-01-31T00:01", 0,
                        "2024-02-29T00:00"),
                Arguments.of("every 2 months from 31 January", rule(2, Unit.MONTHLY)
                        .startDate(date("2026-01-31")).build(), "2026-01-31T00:00", "2026-01-31T00:01", 0,
                        "2026-03-31T00:00"),
                Arguments.of("every month, years after the start", rule(1, Unit.MONTHLY)
                        .startDate(date("2019-08-31")).build(), null, "2026-09-15T00:00", 0, "2026-09-30T00:00"),
                Arguments.of("last Friday of the month", rule(1, Unit.MONTHLY).weekdays(FRIDAY).positions(-1)
                        .startDate(date("2026-01-01")).startTime(time("09:00")).build(),
                        null, "2026-01-01T00:00", 0, "2026-01-30T09:00"),
                Arguments.of("last Friday of February", rule(1, Unit.MONTHLY).weekdays(FRIDAY).positions(-1)
                        .startDate(date("2026-01-01")).startTime(time("09:00")).build(),
                        "2026-01-30T09:00", "2026-01-30T09:01", 0, "2026-02-27T09:00"),
                Arguments.of("first and third Monday", rule(1, Unit.MONTHLY).weekdays(MONDAY).positions(1, 3)
                        .startDate(date("2026-01-01")).build(), null, "2026-04-07T00:00", 0, "2026-04-20T00:00"),
                Arguments.of("every Saturday of the month", rule(1, Unit.MONTHLY).weekdays(SATURDAY)
                        .startDate(date("2026-01-01")).build(), null, "2026-04-05T00:00", 0, "2026-04-11T00:00"),
                Arguments.of("fifth Friday: skips months without one", rule(1, Unit.MONTHLY).weekdays(FRIDAY)
                        .positions(5).startDate(date("2026-01-01")).build(),
                        null, "2026-02-01T00:00", 0, "2026-05-29T00:00"),
                Arguments.of("yearly on 29 February: 28 February in common years", rule(1, Unit.YEARLY)
                        .startDate(date("2024-02-29")).build(), "2024-02-29T00:00", "2024-02-29T01:00", 0,
                        "2025-02-28T00:00"),
                Arguments.of("yearly on 29 February: back in leap years", rule(1, Unit.YEARLY)
                        .startDate(date("2024-02-29")).build(), "2027-02-28T00:00", "2027-02-28T01:00", 0,
                        "2028-02-29T00:00"),
                Arguments.of("every 3 years", rule(3, Unit.YEARLY).startDate(date("2020-07-14")).build(),
                        null, "2026-07-15T00:00", 0, "2029-07-14T00:00"),
                Arguments.of("last Sunday of the year", rule(1, Unit.YEARLY).weekdays(SUNDAY).positions(-1)
                        .startDate(date("2026-01-01")).build(), null, "2026-06-01T00:00", 0, "2026-12-27T00:00"),
                Arguments.of("Easter 2024 -> 2025", rule(1, Unit.EASTER).startDate(date("2024-03-31"))
                        .startTime(time("10:00")).build(), "2024-03-31T10:00", "2024-03-31T10:01", 0,
                        "2025-04-20T10:00"),
                Arguments.of("Easter 2025 -> 2026", rule(1, Unit.EASTER).startDate(date("2024-03-31"))
                        .startTime(time("10:00")).build(), "2025-04-20T10:00", "2025-04-20T10:01", 0,
                        "2026-04-05T10:00"),
                Arguments.of("Easter without start date: Easter Sunday", rule(1, Unit.EASTER).build(),
                        null, "2026-01-10T00:00", 0, "2026-04-05T00:00"),
                Arguments.of("Ascension: 39 days after Easter", rule(1, Unit.EASTER).startDate(date("2024-05-09"))
                        .build(), "2024-05-09T00:00", "2024-05-09T00:01", 0, "2025-05-29T00:00"),
                Arguments.of("Ascension 2026", rule(1, Unit.EASTER).startDate(date("2024-05-09"))
                        .build(), "2025-05-29T00:00", "2025-05-29T00:01", 0, "2026-05-14T00:00"),
                Arguments.of("once, missed: still runs", rule(1, Unit.ONCE).startDate(date("2026-04-05"))
                        .startTime(time("09:00")).build(), null, "2026-05-01T00:00", 0, "2026-04-05T09:00"),
                Arguments.of("once, done", rule(1, Unit.ONCE).startDate(date("2026-04-05"))
                        .startTime(time("09:00")).build(), "2026-04-05T09:00:01", "2026-05-01T00:00", 1, null),
                Arguments.of("never", rule(1, Unit.NEVER).build(), null, "2026-05-01T00:00", 0, null),
                Arguments.of("last run on the end date", rule(1, Unit.DAILY).startTime(time("04:00"))
                        .endDate(date("2026-04-10")).build(), "2026-04-09T04:00", "2026-04-09T04:01", 0,
                        "2026-04-10T04:00"),
                Arguments.of("nothing after the end date", rule(1, Unit.DAILY).startTime(time("04:00"))
                        .endDate(date("2026-04-10")).build(), "2026-04-10T04:00", "2026-04-10T04:01", 0, null),
                Arguments.of("nothing after the end time", rule(1, Unit.HOURLY).startDate(date("2026-04-01"))
                        .endDate(date("2026-04-10")).endTime(time("12:30")).build(),
                        "2026-04-10T12:00", "2026-04-10T12:01", 0, null),
                Arguments.of("max events not reached", rule(1, Unit.DAILY).maxEvents(3).build(),
                        "2026-04-10T04:00", "2026-04-10T04:01", 2, "2026-04-11T04:00"),
                Arguments.of("max events reached", rule(1, Unit.DAILY).maxEvents(3).build(),
                        "2026-04-10T04:00", "2026-04-10T04:01", 3, null),
                Arguments.of("interval on Mondays only", rule(30, Unit.MINUTELY).weekdays(MONDAY).build(),
                        "2026-04-06T23:30", "2026-04-06T23:31", 0, "2026-04-13T00:00"),
                Arguments.of("cron: last Friday at 09:00", Recurrence.cron("0 9 * * FRI#L", BRUSSELS),
                        null, "2026-04-01T00:00", 0, "2026-04-24T09:00"),
                Arguments.of("cron: strictly after the last start", Recurrence.cron("0 9 * * FRI#L", BRUSSELS),
                        "2026-04-24T09:00", "2026-04-24T09:00:30", 0, "2026-05-29T09:00"),
                Arguments.of("cron with seconds", Recurrence.cron("*/20 * * * * *", null),
                        "2026-04-24T09:00:40", "2026-04-24T09:00:41", 0, "2026-04-24T09:01:00"),
                Arguments.of("cron not before its start date", Recurrence.builder().cron("0 0 * * *")
                        .startDate(date("2026-05-01")).build(), null, "2026-04-24T09:00", 0, "2026-05-01T00:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nextRun(String what, Recurrence rule, String lastStart, String now, int runsSoFar, String expected) {
        Optional<Instant> next = rule.schedule(BRUSSELS).nextRun(local(lastStart), local(now), runsSoFar);
        assertEquals(Optional.ofNullable(local(expected)), next, what + " (" + rule.suggestedText() + ")");
    }

    @Test
    void missedSlotsCollapseIntoOneRunThenContinueWithTheNextFutureSlot() {
        Schedule daily = rule(1, Unit.DAILY).startTime(time("04:00")).build().schedule(BRUSSELS);
        Instant now = local("2026-04-05T10:00");
        Instant due = daily.nextRun(local("2026-04-01T04:00"), now, 1).orElseThrow();
        assertEquals(local("2026-04-02T04:00"), due);
        assertTrue(due.isBefore(now), "the missed slots are due now: one run");
        assertEquals(Optional.of(local("2026-04-06T04:00")), daily.nextRun(now, now.plusSeconds(60), 2));
    }

    @Test
    void unanchoredIntervalAfterALongRunContinuesFromItsStart() {
        Schedule often = rule(10, Unit.SECONDLY).build().schedule(BRUSSELS);
        Instant start = local("2026-04-05T10:00");
        Instant end = start.plusSeconds(95);
        assertEquals(Optional.of(start.plusSeconds(10)), often.nextRun(start, end, 1));
    }

    @Test
    void everySecondSince2020AnswersWithoutWalking() {
        Schedule everySecond = rule(1, Unit.SECONDLY).startDate(date("2020-01-01")).build().schedule(BRUSSELS);
        Schedule lastFriday = rule(1, Unit.MONTHLY).weekdays(FRIDAY).positions(-1).startDate(date("2020-01-01"))
                .build().schedule(BRUSSELS);
        Instant now = Instant.parse("2026-11-22T20:31:07.250Z");
        assertEquals(Optional.of(Instant.parse("2026-11-22T20:31:08Z")), everySecond.nextRun(null, now, 0));
        int rounds = 200_000;
        for (int i = 0; i < rounds; i++) {
            everySecond.nextRun(null, now.plusMillis(i), 0);
            lastFriday.nextRun(null, now.plusMillis(i), 0);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            everySecond.nextRun(null, now.plusMillis(i), 0);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            lastFriday.nextRun(null, now.plusMillis(i), 0);
        }
        long t2 = System.nanoTime();
        System.out.printf("next run of every-second-since-2020: %.2f us; last-Friday-monthly-since-2020: %.2f us%n",
                (t1 - t0) / 1000.0 / rounds, (t2 - t1) / 1000.0 / rounds);
    }

    @Test
    void triggerForTheExecutorCountsItsOwnRunsForMaxEvents() {
        Schedule twice = rule(1, Unit.HOURLY).startDate(date("2026-04-01")).maxEvents(2).build()
                .schedule(BRUSSELS);
        ZonedDateTime scheduled = ZonedDateTime.of(2026, 4, 5, 9, 30, 0, 0, BRUSSELS);
        ZonedDateTime first = twice.getNextRunTime(null, scheduled);
        assertEquals(scheduled.withMinute(0).plusHours(1).toInstant(), first.toInstant());
        ZonedDateTime second = twice.getNextRunTime(ran(first, first.plusSeconds(5)), scheduled);
        assertEquals(first.plusHours(1).toInstant(), second.toInstant());
        assertEquals(second.toInstant(),
                twice.getNextRunTime(ran(first, first.plusSeconds(5)), scheduled).toInstant(),
                "asking twice about the same run counts it once");
        assertNull(twice.getNextRunTime(ran(second, second.plusSeconds(5)), scheduled));
        assertFalse(twice.skipRun(null, scheduled));
        assertEquals(BRUSSELS, twice.getZoneId());
    }

    static LastExecution ran(ZonedDateTime start, ZonedDateTime end) {
        return new LastExecution() {
            @Override
            public String getIdentityName() {
                return "test";
            }

            @Override
            public Object getResult() {
                return null;
            }

            @Override
            public ZonedDateTime getScheduledStart(ZoneId zone) {
                return start.withZoneSameInstant(zone);
            }

            @Override
            public ZonedDateTime getRunStart(ZoneId zone) {
                return start.withZoneSameInstant(zone);
            }

            @Override
            public ZonedDateTime getRunEnd(ZoneId zone) {
                return end.withZoneSameInstant(zone);
            }
        };
    }
}
