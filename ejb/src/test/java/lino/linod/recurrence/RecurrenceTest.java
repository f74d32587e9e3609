package lino.linod.recurrence;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecurrenceTest {

    static Recurrence.Builder rule(int every, Unit unit) {
        return Recurrence.builder().every(every).unit(unit);
    }

    /** Columns: rule, Lino's "When", Lino's "Suggested recurrency". */
    static Stream<Arguments> texts() {
        LocalTime four = LocalTime.of(4, 0);
        return Stream.of(
                Arguments.of(rule(1, Unit.WEEKLY).weekdays(SATURDAY).startTime(four).build(),
                        "Every week on Saturday at 04:00", "every=1, every_unit=weekly, saturday=True, start_time=04:00"),
                Arguments.of(Recurrence.every(10, Unit.SECONDLY), "Every 10 seconds",
                        "every=10, every_unit=secondly"),
                Arguments.of(Recurrence.every(300, Unit.SECONDLY), "Every 300 seconds",
                        "every=300, every_unit=secondly"),
                Arguments.of(Recurrence.every(1, Unit.DAILY), "Every day", "every=1, every_unit=daily"),
                Arguments.of(Recurrence.every(2, Unit.DAILY), "Every 2 days", "every=2, every_unit=daily"),
                Arguments.of(Recurrence.every(1, Unit.WEEKLY), "Every week", "every=1, every_unit=weekly"),
                Arguments.of(Recurrence.every(2, Unit.WEEKLY), "Every 2 weeks", "every=2, every_unit=weekly"),
                Arguments.of(Recurrence.every(1, Unit.MONTHLY), "Every month", "every=1, every_unit=monthly"),
                Arguments.of(Recurrence.every(2, Unit.MONTHLY), "Every 2 months", "every=2, every_unit=monthly"),
                Arguments.of(Recurrence.every(1, Unit.YEARLY), "Every year", "every=1, every_unit=yearly"),
                Arguments.of(Recurrence.every(1, Unit.MINUTELY), "Every minute", "every=1, every_unit=minutely"),
                Arguments.of(Recurrence.every(6, Unit.HOURLY), "Every 6 hours", "every=6, every_unit=hourly"),
                Arguments.of(Recurrence.every(1, Unit.NEVER), "Never", "every=1, every_unit=never"),
                Arguments.of(rule(1, Unit.DAILY).weekdays(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY).build(),
                        "Every working day", "every=1, every_unit=daily, monday=True, tuesday=True,"
                                + " wednesday=True, thursday=True, friday=True"),
                Arguments.of(rule(1, Unit.ONCE).startDate(LocalDate.of(2026, 4, 5)).build(), "On 05.04.2026",
                        "every=1, every_unit=once, start_date=2026-04-05"),
                Arguments.of(rule(1, Unit.ONCE).startDate(LocalDate.of(2026, 4, 5)).startTime(LocalTime.of(9, 30))
                        .build(), "On 05.04.2026 at 09:30",
                        "every=1, every_unit=once, start_date=2026-04-05, start_time=09:30"),
                Arguments.of(rule(1, Unit.MONTHLY).weekdays(FRIDAY).positions(-1).build(),
                        "Every last Friday of the month", "every=1, every_unit=monthly, friday=True, positions=-1"),
                Arguments.of(rule(2, Unit.MONTHLY).weekdays(MONDAY).positions(3, 1).build(),
                        "Every 2 months on the first and third Monday",
                        "every=2, every_unit=monthly, monday=True, positions=1 3"),
                Arguments.of(rule(1, Unit.EASTER).build(), "Every year at Easter", "every=1, every_unit=easter"),
                Arguments.of(rule(1, Unit.EASTER).startDate(LocalDate.of(2026, 5, 14)).build(),
                        "Every year 39 days after Easter", "every=1, every_unit=easter, start_date=2026-05-14"),
                Arguments.of(rule(1, Unit.DAILY).startTime(LocalTime.of(4, 0, 30)).endDate(LocalDate.of(2026, 12, 31))
                        .maxEvents(5).zone(ZoneId.of("Europe/Brussels")).build(),
                        "Every day at 04:00:30 until 31.12.2026, at most 5 times",
                        "every=1, every_unit=daily, start_time=04:00:30, end_date=2026-12-31, max_events=5,"
                                + " zone=Europe/Brussels"),
                Arguments.of(Recurrence.cron("0 9 * * FRI#L", ZoneId.of("Europe/Brussels")),
                        "Cron: 0 9 * * FRI#L (Europe/Brussels)", "cron=0 9 * * FRI#L, zone=Europe/Brussels"),
                Arguments.of(Recurrence.cron("  0  9,17 * *   MON-FRI ", null), "Cron: 0 9,17 * * MON-FRI",
                        "cron=0 9,17 * * MON-FRI"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("texts")
    void whenAndSuggestedTexts(Recurrence rule, String when, String suggested) {
        assertEquals(when, rule.whenText());
        assertEquals(suggested, rule.suggestedText());
        assertEquals(rule, Recurrence.parseSuggested(suggested), "parseSuggested is the inverse");
        assertEquals(rule.hashCode(), Recurrence.parseSuggested(suggested).hashCode());
    }

    @Test
    void linosSuggestedRecurrenciesParse() {
        Recurrence weekly = Recurrence.parseSuggested("every=1, every_unit=weekly, saturday=True, start_time=04:00");
        assertEquals(Unit.WEEKLY, weekly.unit());
        assertEquals(Set.of(SATURDAY), weekly.weekdays());
        assertEquals(LocalTime.of(4, 0), weekly.startTime());
        assertEquals(Recurrence.every(300, Unit.SECONDLY), Recurrence.parseSuggested("every=300, every_unit=secondly"));
    }

    /** Columns: what, the rule to build, the expected violations. */
    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("every < 1", (Supplier<?>) () -> Recurrence.every(0, Unit.DAILY),
                        List.of(new Violation("every", "must be at least 1"))),
                Arguments.of("no unit", (Supplier<?>) () -> Recurrence.builder().build(),
                        List.of(new Violation("unit", "is required (or give a cron expression)"))),
                Arguments.of("unknown unit", (Supplier<?>) () -> Unit.ofLinoName("fortnightly"),
                        List.of(new Violation("unit", "unknown unit 'fortnightly'"))),
                Arguments.of("all violations at once", (Supplier<?>) () -> Recurrence.parseSuggested(
                        "every=0, every_unit=fortnightly"), List.of(new Violation("unit", "unknown unit 'fortnightly'"),
                        new Violation("every", "must be at least 1"))),
                Arguments.of("end before start", (Supplier<?>) () -> rule(1, Unit.DAILY)
                        .startDate(LocalDate.of(2026, 5, 1)).endDate(LocalDate.of(2026, 4, 1)).build(),
                        List.of(new Violation("endDate", "is before the start date"))),
                Arguments.of("end time before start time", (Supplier<?>) () -> rule(1, Unit.HOURLY)
                        .startDate(LocalDate.of(2026, 5, 1)).startTime(LocalTime.of(10, 0))
                        .endDate(LocalDate.of(2026, 5, 1)).endTime(LocalTime.of(9, 0)).build(),
                        List.of(new Violation("endTime", "is before the start time"))),
                Arguments.of("end time alone", (Supplier<?>) () -> rule(1, Unit.HOURLY).endTime(LocalTime.NOON)
                        .build(), List.of(new Violation("endTime", "needs an end date"))),
                Arguments.of("position 0", (Supplier<?>) () -> rule(1, Unit.MONTHLY).weekdays(FRIDAY).positions(0)
                        .build(), List.of(new Violation("positions", "0 is not a position (1 is the first, -1 the last)"))),
                Arguments.of("position 32", (Supplier<?>) () -> rule(1, Unit.MONTHLY).weekdays(FRIDAY).positions(32)
                        .build(), List.of(new Violation("positions", "32 is out of range (-31 to 31)"))),
                Arguments.of("position 8 in a week", (Supplier<?>) () -> rule(1, Unit.WEEKLY).weekdays(FRIDAY)
                        .positions(-8).build(), List.of(new Violation("positions", "-8 is out of range (-7 to 7)"))),
                Arguments.of("positions without weekdays", (Supplier<?>) () -> rule(1, Unit.MONTHLY).positions(-1)
                        .build(), List.of(new Violation("positions", "need at least one weekday to count"))),
                Arguments.of("positions on a daily rule", (Supplier<?>) () -> rule(1, Unit.DAILY).weekdays(FRIDAY)
                        .positions(1).build(),
                        List.of(new Violation("positions", "apply only to weekly, monthly and yearly rules"))),
                Arguments.of("weekdays at Easter", (Supplier<?>) () -> rule(1, Unit.EASTER).weekdays(FRIDAY).build(),
                        List.of(new Violation("weekdays", "do not apply to unit easter"))),
                Arguments.of("max events 0", (Supplier<?>) () -> rule(1, Unit.DAILY).maxEvents(0).build(),
                        List.of(new Violation("maxEvents", "must be at least 1"))),
                Arguments.of("once without a date", (Supplier<?>) () -> rule(1, Unit.ONCE).build(),
                        List.of(new Violation("startDate", "is required for unit once"))),
                Arguments.of("unknown zone", (Supplier<?>) () -> Recurrence.parseSuggested(
                        "every=1, every_unit=daily, zone=Mars/Olympus"),
                        List.of(new Violation("zone", "unknown time zone 'Mars/Olympus'"))),
                Arguments.of("cron and unit", (Supplier<?>) () -> Recurrence.builder().cron("0 9 * * *")
                        .unit(Unit.DAILY).build(), List.of(new Violation("cron",
                        "a cron rule takes its times from the expression; remove unit"))),
                Arguments.of("selects nothing: third of two days", (Supplier<?>) () -> rule(1, Unit.WEEKLY)
                        .weekdays(MONDAY, FRIDAY).positions(3).build(),
                        List.of(new Violation("positions", "select no day"))),
                Arguments.of("never on a checked day", (Supplier<?>) () -> rule(7, Unit.DAILY)
                        .startDate(LocalDate.of(2026, 4, 6)).weekdays(TUESDAY).build(),
                        List.of(new Violation("weekdays", "no run falls on the checked days"))),
                Arguments.of("end before the first slot", (Supplier<?>) () -> rule(1, Unit.WEEKLY).weekdays(SATURDAY)
                        .startDate(LocalDate.of(2026, 4, 6)).endDate(LocalDate.of(2026, 4, 8)).build(),
                        List.of(new Violation("endDate", "the rule has no run between its start and its end"))),
                Arguments.of("cron that never matches", (Supplier<?>) () -> Recurrence.cron("0 0 30 2 *", null),
                        List.of(new Violation("cron", "'0 0 30 2 *' never matches a date"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void impossibleRulesAreRejectedNamingTheField(String what, Supplier<?> build, List<Violation> expected) {
        InvalidRecurrenceException e = assertThrows(InvalidRecurrenceException.class, build::get, what);
        assertEquals(expected, e.violations(), what);
    }

    @Test
    void messageListsAllViolations() {
        InvalidRecurrenceException e = assertThrows(InvalidRecurrenceException.class,
                () -> Recurrence.parseSuggested("every=0, every_unit=fortnightly"));
        assertEquals("unit: unknown unit 'fortnightly'; every: must be at least 1", e.getMessage());
    }

    /** Columns: expression, what the violation message must mention. */
    static Stream<Arguments> invalidCron() {
        return Stream.of(
                Arguments.of("0 9 * *", "has 4 fields"),
                Arguments.of("0 0 9 * * * 2026", "has 7 fields"),
                Arguments.of("61 * * * *", "minutes: 61"),
                Arguments.of("5-20/5 * * * *", "not a-b/n"),
                Arguments.of("0 9 * * MON/2", "daysOfWeek"),
                Arguments.of("0 9 15W * *", "dayOfMonth: 15W"),
                Arguments.of("0 9 * * FRI#", "FRI#"),
                Arguments.of("0 9 * * FOO", "FOO"),
                Arguments.of("", "must not be empty"),
                Arguments.of("@daily", "has 1 fields"));
    }

    @ParameterizedTest(name = "cron [{0}]")
    @MethodSource("invalidCron")
    void invalidCronIsRejectedWithItsReason(String expression, String mentioned) {
        InvalidRecurrenceException e = assertThrows(InvalidRecurrenceException.class,
                () -> Recurrence.cron(expression, null));
        assertEquals("cron", e.violations().get(0).field());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }

    @Test
    void valueSemantics() throws Exception {
        Recurrence a = rule(1, Unit.MONTHLY).weekdays(FRIDAY).positions(-1).startTime(LocalTime.of(9, 0)).build();
        Recurrence b = a.toBuilder().build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.toBuilder().positions(1).build());
        assertEquals(List.of(-1), a.positions());
        assertThrows(UnsupportedOperationException.class, () -> a.weekdays().add(DayOfWeek.SUNDAY));
        assertEquals("Recurrence[every=1, every_unit=monthly, friday=True, positions=-1, start_time=09:00]",
                a.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(a, in.readObject());
        }
    }

    @Test
    void unitNamesAreLinos() {
        for (Unit unit : Unit.values()) {
            assertEquals(unit, Unit.ofLinoName(unit.linoName()));
        }
        assertEquals("secondly", Unit.SECONDLY.linoName());
        assertEquals(Unit.EASTER, Unit.ofLinoName(" Easter "));
    }

    @Test
    void scheduleUsesTheRuleZoneOverTheDefault() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertEquals(tokyo, Recurrence.cron("0 9 * * *", tokyo).schedule(ZoneId.of("UTC")).getZoneId());
        assertEquals(tokyo, Recurrence.every(1, Unit.DAILY).schedule(tokyo).getZoneId());
    }

    /** The positions are kept as text in a column of 100 characters: a longer list is a violation, not a 500. */
    @Test
    void positionsThatDoNotFitTheirColumnAreRefused() {
        int[] all = java.util.stream.IntStream.rangeClosed(-31, 31).filter(p -> p != 0).toArray();
        InvalidRecurrenceException e = assertThrows(InvalidRecurrenceException.class,
                () -> rule(1, Unit.MONTHLY).weekdays(FRIDAY).positions(all).build());
        assertEquals(List.of("positions"), e.violations().stream().map(Violation::field).toList());
        assertTrue(e.violations().get(0).message().contains("100 characters"), e.getMessage());
        int[] fits = java.util.stream.IntStream.rangeClosed(-31, -10).toArray();
        assertTrue(Recurrence.formatPositions(fits).length() <= Recurrence.POSITIONS_LENGTH);
        assertEquals(22, rule(1, Unit.MONTHLY).weekdays(DayOfWeek.values()).positions(fits).build().positions().size());
    }
}
