package lino.linod.recurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.concurrent.CronTrigger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spring forward and fall back in Brussels (29 March and 25 October 2026) and New York (8 March and 1 November
 * 2026): a missing time runs at the end of the gap, a repeated time runs once, durations count real hours.
 */
class DaylightSavingTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Recurrence dailyAt(String time) {
        return Recurrence.builder().unit(Unit.DAILY).startTime(LocalTime.parse(time)).build();
    }

    static Recurrence hourly() {
        return Recurrence.builder().unit(Unit.HOURLY).startDate(LocalDate.parse("2026-01-01"))
                .startTime(LocalTime.parse("00:30")).build();
    }

    /** Columns: what, rule, zone, the last start, then the runs that follow it, as UTC instants. */
    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("Brussels daily 02:30, gap: 03:00 CEST", dailyAt("02:30"), BRUSSELS,
                        "2026-03-28T01:30:00Z", List.of("2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z")),
                Arguments.of("Brussels daily 02:30, overlap: once, first pass", dailyAt("02:30"), BRUSSELS,
                        "2026-10-24T00:30:00Z", List.of("2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z")),
                Arguments.of("Brussels hourly, gap: every real hour", hourly(), BRUSSELS,
                        "2026-03-28T23:30:00Z", List.of("2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z",
                                "2026-03-29T02:30:00Z")),
                Arguments.of("Brussels hourly, overlap: every real hour once", hourly(), BRUSSELS,
                        "2026-10-24T23:30:00Z", List.of("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z",
                                "2026-10-25T02:30:00Z")),
                Arguments.of("Brussels cron 02:30, gap", Recurrence.cron("0 30 2 * * *", null), BRUSSELS,
                        "2026-03-28T01:30:00Z", List.of("2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z")),
                Arguments.of("Brussels cron 02:30, overlap", Recurrence.cron("0 30 2 * * *", null), BRUSSELS,
                        "2026-10-24T00:30:00Z", List.of("2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z")),
                Arguments.of("Brussels cron every 20 min, gap collapses into 03:00", Recurrence.cron(
                        "*/20 * * * *", null), BRUSSELS, "2026-03-29T00:40:00Z",
                        List.of("2026-03-29T01:00:00Z", "2026-03-29T01:20:00Z")),
                Arguments.of("Brussels cron every 20 min, overlap: first pass only", Recurrence.cron(
                        "*/20 * * * *", null), BRUSSELS, "2026-10-25T00:20:00Z",
                        List.of("2026-10-25T00:40:00Z", "2026-10-25T02:00:00Z")),
                Arguments.of("New York daily 02:30, gap: 03:00 EDT", dailyAt("02:30"), NEW_YORK,
                        "2026-03-07T07:30:00Z", List.of("2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z")),
                Arguments.of("New York daily 02:30 on fall-back day: unambiguous", dailyAt("02:30"), NEW_YORK,
                        "2026-10-31T06:30:00Z", List.of("2026-11-01T07:30:00Z", "2026-11-02T07:30:00Z")),
                Arguments.of("New York daily 01:30, overlap: once", dailyAt("01:30"), NEW_YORK,
                        "2026-10-31T05:30:00Z", List.of("2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z")),
                Arguments.of("New York hourly, gap", hourly(), NEW_YORK,
                        "2026-03-08T05:30:00Z", List.of("2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z",
                                "2026-03-08T08:30:00Z")),
                Arguments.of("New York hourly, overlap", hourly(), NEW_YORK,
                        "2026-11-01T04:30:00Z", List.of("2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z",
                                "2026-11-01T07:30:00Z")),
                Arguments.of("New York cron 02:30, gap", Recurrence.cron("30 2 * * *", NEW_YORK), BRUSSELS,
                        "2026-03-07T07:30:00Z", List.of("2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z")),
                Arguments.of("New York cron 01:30, overlap", Recurrence.cron("30 1 * * *", NEW_YORK), BRUSSELS,
                        "2026-10-31T05:30:00Z", List.of("2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z")),
                Arguments.of("Brussels weekly Sunday 02:30 on the gap day", Recurrence.builder().unit(Unit.WEEKLY)
                        .weekdays(java.time.DayOfWeek.SUNDAY).startTime(LocalTime.parse("02:30")).build(),
                        BRUSSELS, "2026-03-22T01:30:00Z", List.of("2026-03-29T01:00:00Z",
                                "2026-04-05T00:30:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void runsFollowOneAnother(String what, Recurrence rule, ZoneId zone, String lastStart, List<String> expected) {
        Schedule schedule = rule.schedule(zone);
        List<Instant> runs = new ArrayList<>();
        Instant last = Instant.parse(lastStart);
        for (int i = 0; i < expected.size(); i++) {
            last = schedule.nextRun(last, last, i).orElseThrow();
            runs.add(last);
        }
        assertEquals(expected.stream().map(Instant::parse).toList(), runs, what);
    }

    @ParameterizedTest(name = "{0}, never ran")
    @MethodSource("sequences")
    void firstRunFromTheSameInstant(String what, Recurrence rule, ZoneId zone, String lastStart,
                                    List<String> expected) {
        Instant now = Instant.parse(lastStart).plusSeconds(1);
        assertEquals(Instant.parse(expected.get(0)), rule.schedule(zone).nextRun(null, now, 0).orElseThrow(), what);
    }

    /**
     * The defects we wrap: Jakarta's own {@code CronTrigger} in a zone with daylight saving skips the day whose
     * time is missing and runs twice when it is repeated; and asked before the first listed hour of a matching
     * day it throws. If this test fails, a newer CronTrigger fixed one of them.
     */
    @Test
    void jakartaCronTriggerAloneSkipsTheGapDayRunsTwiceInTheOverlapAndFailsBeforeTheFirstHour() {
        CronTrigger trigger = new CronTrigger("0 30 2 * * *", BRUSSELS);
        ZonedDateTime dayBeforeGap = ZonedDateTime.of(2026, 3, 28, 3, 0, 0, 0, BRUSSELS);
        assertEquals(ZonedDateTime.of(2026, 3, 30, 2, 30, 0, 0, BRUSSELS).toInstant(),
                trigger.getNextRunTime(null, dayBeforeGap).toInstant(), "skips 29 March");

        ZonedDateTime dayBeforeOverlap = ZonedDateTime.of(2026, 10, 24, 3, 0, 0, 0, BRUSSELS);
        ZonedDateTime first = trigger.getNextRunTime(null, dayBeforeOverlap);
        ZonedDateTime second = trigger.getNextRunTime(null, first.plusSeconds(1));
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), first.toInstant());
        assertEquals(Instant.parse("2026-10-25T01:30:00Z"), second.toInstant(), "runs again an hour later");

        ZonedDateTime midnight = ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, BRUSSELS);
        assertThrows(IndexOutOfBoundsException.class, () -> trigger.getNextRunTime(null, midnight));

        Schedule wrapped = Recurrence.cron("0 30 2 * * *", BRUSSELS).schedule(NEW_YORK);
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"),
                wrapped.nextRun(null, dayBeforeGap.toInstant(), 0).orElseThrow());
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"),
                wrapped.nextRun(null, midnight.toInstant(), 0).orElseThrow());
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"),
                wrapped.nextRun(first.toInstant(), first.toInstant().plusSeconds(1), 1).orElseThrow());
    }
}
