package lino.linod.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lino.linod.recurrence.InvalidRecurrenceException;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Unit;
import lino.linod.recurrence.Violation;

/** A recurrence as JSON: {@code unit, every, weekdays, positions, startDate, startTime, endDate, endTime, maxEvents, cron, zone}. */
final class RecurrenceJson {

    static final Set<String> FIELDS = Set.of("unit", "every", "weekdays", "positions", "startDate", "startTime",
            "endDate", "endTime", "maxEvents", "cron", "zone");

    /** More positions never fit their column (see {@link Recurrence#POSITIONS_LENGTH}), which is checked too. */
    static final int MAX_POSITIONS = 50;

    private RecurrenceJson() {
    }

    static JsonObject write(Recurrence r) {
        JsonObjectBuilder o = JsonP.JSON.createObjectBuilder();
        Views.add(o, "unit", r.unit() == null ? null : r.unit().linoName());
        o.add("every", r.every());
        JsonArrayBuilder days = JsonP.JSON.createArrayBuilder();
        r.weekdays().stream().sorted().forEach(d -> days.add(d.name().toLowerCase(Locale.ROOT)));
        o.add("weekdays", days);
        JsonArrayBuilder positions = JsonP.JSON.createArrayBuilder();
        r.positions().forEach(positions::add);
        o.add("positions", positions);
        Views.add(o, "startDate", r.startDate());
        Views.add(o, "startTime", r.startTime());
        Views.add(o, "endDate", r.endDate());
        Views.add(o, "endTime", r.endTime());
        Views.add(o, "maxEvents", r.maxEvents());
        Views.add(o, "cron", r.cron());
        Views.add(o, "zone", r.zone().map(ZoneId::getId).orElse(null));
        return o.build();
    }

    /** Reads a recurrence; type mistakes and rule violations are added to the body's violations. */
    static Recurrence read(Body body) {
        String p = body.prefix();
        int before = body.violations.size();
        Recurrence.Builder b = Recurrence.builder();
        String unit = body.string("unit", 20);
        if (unit != null) {
            try {
                b.unit(Unit.ofLinoName(unit));
            } catch (InvalidRecurrenceException e) {
                body.violations.add(new Violation(p + "unit", "unknown unit '" + unit
                        + "'; one of once, never, secondly, minutely, hourly, daily, weekly, monthly, yearly, easter"));
            }
        }
        Integer every = body.integer("every");
        if (every != null) {
            b.every(every);
        }
        List<String> days = body.strings("weekdays", 20, 7);
        if (days != null) {
            java.util.EnumSet<DayOfWeek> checked = java.util.EnumSet.noneOf(DayOfWeek.class);
            for (String d : days) {
                try {
                    checked.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    body.violations.add(new Violation(p + "weekdays", "unknown day '" + d + "'"));
                }
            }
            b.weekdays(checked.toArray(DayOfWeek[]::new));
        }
        List<Integer> positions = body.integers("positions", MAX_POSITIONS);
        if (positions != null) {
            b.positions(positions.stream().mapToInt(Integer::intValue).toArray());
        }
        b.startDate(date(body, "startDate"));
        b.startTime(time(body, "startTime"));
        b.endDate(date(body, "endDate"));
        b.endTime(time(body, "endTime"));
        Integer max = body.integer("maxEvents");
        if (max != null) {
            b.maxEvents(max);
        }
        String cron = body.string("cron", 200);
        if (cron != null) {
            b.cron(cron);
        }
        String zone = body.string("zone", 64);
        if (zone != null) {
            try {
                b.zone(ZoneId.of(zone));
            } catch (DateTimeException e) {
                body.violations.add(new Violation(p + "zone", "unknown time zone '" + zone + "'"));
            }
        }
        if (body.violations.size() > before) {
            return null;
        }
        try {
            return b.build();
        } catch (InvalidRecurrenceException e) {
            e.violations().forEach(v -> body.violations.add(new Violation(p + v.field(), v.message())));
            return null;
        }
    }

    private static LocalDate date(Body body, String key) {
        String text = body.string(key, 10);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            body.violations.add(new Violation(body.prefix() + key, "must be a date like 2026-04-05"));
            return null;
        }
    }

    private static LocalTime time(Body body, String key) {
        String text = body.string(key, 8);
        try {
            return text == null ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            body.violations.add(new Violation(body.prefix() + key, "must be a time like 04:00"));
            return null;
        }
    }
}
