package lino.linod.task;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Unit;
import lino.linod.recurrence.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    /** A few days before the change to summer time in Brussels (2026-03-29). */
    private static final Instant NOW = Instant.parse("2026-03-25T10:00:00Z");

    @Test
    void aSiteAtItsMaximumGetsNoFurtherTask() {
        Limits limits = new Limits(3, Duration.ofSeconds(1));
        assertDoesNotThrow(() -> limits.checkRoomForOneMore(0));
        assertDoesNotThrow(() -> limits.checkRoomForOneMore(2));
        TooManyTasksException e = assertThrows(TooManyTasksException.class, () -> limits.checkRoomForOneMore(3));
        assertTrue(e.getMessage().contains("max_tasks"), e.getMessage());
        assertThrows(TooManyTasksException.class, () -> limits.checkRoomForOneMore(4));
    }

    /** Columns: shortest interval, rule, the field refused (null: allowed). */
    static Stream<Arguments> intervals() {
        Duration minute = Duration.ofMinutes(1);
        Duration day = Duration.ofDays(1);
        return Stream.of(
                Arguments.of(Duration.ofSeconds(1), Recurrence.every(1, Unit.SECONDLY), null),
                Arguments.of(Duration.ofSeconds(2), Recurrence.every(1, Unit.SECONDLY), "every"),
                Arguments.of(minute, Recurrence.every(59, Unit.SECONDLY), "every"),
                Arguments.of(minute, Recurrence.every(60, Unit.SECONDLY), null),
                Arguments.of(minute, Recurrence.every(1, Unit.MINUTELY), null),
                Arguments.of(Duration.ofMinutes(2), Recurrence.every(1, Unit.MINUTELY), "every"),
                Arguments.of(Duration.ofHours(2), Recurrence.every(1, Unit.HOURLY), "every"),
                Arguments.of(minute, Recurrence.cron("*/30 * * * * *", null), "cron"),
                Arguments.of(minute, Recurrence.cron("0 * * * * *", null), null),
                Arguments.of(minute, Recurrence.cron("0,10 0 9 * * *", null), "cron"),
                // Across the change to summer time a daily rule is still a day apart on the wall clock.
                Arguments.of(day, Recurrence.builder().every(1).unit(Unit.DAILY).startTime(LocalTime.of(1, 30))
                        .zone(BRUSSELS).build(), null),
                Arguments.of(day, Recurrence.builder().every(1).unit(Unit.WEEKLY)
                        .weekdays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY).build(), null),
                Arguments.of(Duration.ofDays(2), Recurrence.builder().every(1).unit(Unit.WEEKLY)
                        .weekdays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY).build(), "every"),
                Arguments.of(Duration.ofDays(2), Recurrence.builder().every(1).unit(Unit.MONTHLY)
                        .weekdays(DayOfWeek.values()).positions(1, 2, 3).build(), "every"),
                // Rules that run once or never have no interval at all.
                Arguments.of(Duration.ofDays(366), Recurrence.builder().unit(Unit.ONCE)
                        .startDate(LocalDate.of(2026, 4, 5)).build(), null),
                Arguments.of(Duration.ofDays(366), Recurrence.every(1, Unit.NEVER), null),
                Arguments.of(day, Recurrence.builder().every(1).unit(Unit.SECONDLY).maxEvents(1).build(), null),
                // A second run beyond the calendar: one run only.
                Arguments.of(day, Recurrence.every(Integer.MAX_VALUE, Unit.DAILY), null),
                Arguments.of(day, Recurrence.every(Integer.MAX_VALUE, Unit.SECONDLY), null),
                Arguments.of(day, Recurrence.every(Integer.MAX_VALUE, Unit.YEARLY), null),
                // Zero switches the check off.
                Arguments.of(Duration.ZERO, Recurrence.every(1, Unit.SECONDLY), null));
    }

    @ParameterizedTest
    @MethodSource("intervals")
    void aRuleThatRunsMoreOftenThanTheShortestIntervalIsRefused(Duration shortest, Recurrence rule, String field) {
        Optional<Violation> found = new Limits(10, shortest).tooOften(rule, NOW, BRUSSELS);
        assertEquals(Optional.ofNullable(field), found.map(Violation::field), rule + " with " + shortest + ": "
                + found);
        found.ifPresent(v -> assertTrue(v.message().contains("shortest_interval"), v.message()));
    }

    @Test
    void theMessageSaysHowOftenInWords() {
        Violation v = new Limits(10, Duration.ofMinutes(1)).tooOften(Recurrence.every(30, Unit.SECONDLY), NOW,
                BRUSSELS).orElseThrow();
        assertEquals("runs every 30 s; this site allows at most one run every 1 min (setting shortest_interval)",
                v.message());
    }
}
