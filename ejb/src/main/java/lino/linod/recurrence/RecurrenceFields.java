package lino.linod.recurrence;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * A recurrence as a user gives it, field by field, as text: a page's inputs, or the members of the API's JSON
 * object once their JSON types are checked. Read in one place for the pages and the API: every mistake becomes a
 * violation naming its field, and the rules of the rule itself are {@link Recurrence.Builder#build()}'s.
 *
 * @param weekdays  day names in English, any case
 * @param positions whole numbers, one per entry
 */
public record RecurrenceFields(String unit, String every, Collection<String> weekdays, List<String> positions,
        String startDate, String startTime, String endDate, String endTime, String maxEvents, String cron,
        String zone) {

    /** The recurrence, or null with the violations added (field names without a prefix). */
    public Recurrence read(List<Violation> violations) {
        int before = violations.size();
        Recurrence.Builder b = Recurrence.builder();
        if (!blank(unit)) {
            try {
                b.unit(Unit.ofLinoName(unit));
            } catch (InvalidRecurrenceException e) {
                violations.add(new Violation("unit", "unknown unit '" + unit.trim() + "'; one of once, never,"
                        + " secondly, minutely, hourly, daily, weekly, monthly, yearly, easter"));
            }
        }
        Integer n = integer("every", every, violations);
        if (n != null) {
            b.every(n);
        }
        if (weekdays != null) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : weekdays) {
                try {
                    days.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation("weekdays", "unknown day '" + day + "'"));
                }
            }
            b.weekdays(days.toArray(DayOfWeek[]::new));
        }
        if (positions != null && !positions.isEmpty()) {
            int[] values = new int[positions.size()];
            for (int i = 0; i < values.length; i++) {
                Integer p = integer("positions", positions.get(i), violations);
                values[i] = p == null ? 0 : p;
            }
            b.positions(values);
        }
        b.startDate(date("startDate", startDate, violations));
        b.startTime(time("startTime", startTime, violations));
        b.endDate(date("endDate", endDate, violations));
        b.endTime(time("endTime", endTime, violations));
        Integer max = integer("maxEvents", maxEvents, violations);
        if (max != null) {
            b.maxEvents(max);
        }
        if (!blank(cron)) {
            b.cron(cron.trim());
        }
        if (!blank(zone)) {
            try {
                b.zone(ZoneId.of(zone.trim()));
            } catch (DateTimeException e) {
                violations.add(new Violation("zone", "unknown time zone '" + zone.trim() + "'"));
            }
        }
        if (violations.size() > before) {
            return null;
        }
        try {
            return b.build();
        } catch (InvalidRecurrenceException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer integer(String field, String text, List<Violation> violations) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "must be a whole number"));
            return null;
        }
    }

    private static LocalDate date(String field, String text, List<Violation> violations) {
        try {
            return blank(text) ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date like 2026-04-05"));
            return null;
        }
    }

    private static LocalTime time(String field, String text, List<Violation> violations) {
        try {
            return blank(text) ? null : LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a time like 04:00"));
            return null;
        }
    }
}
