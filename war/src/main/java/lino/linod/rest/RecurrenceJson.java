package lino.linod.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.RecurrenceFields;
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

    /**
     * Reads a recurrence: the JSON types here (each member's), everything else where the pages read theirs too
     * ({@link RecurrenceFields}); mistakes are added to the body's violations, named with the body's prefix.
     */
    static Recurrence read(Body body) {
        String p = body.prefix();
        int before = body.violations.size();
        String unit = body.string("unit", 20);
        Long every = body.longValue("every", Integer.MIN_VALUE, Integer.MAX_VALUE);
        List<String> days = body.strings("weekdays", 20, 7);
        List<Integer> positions = body.integers("positions", MAX_POSITIONS);
        String startDate = body.string("startDate", 10);
        String startTime = body.string("startTime", 8);
        String endDate = body.string("endDate", 10);
        String endTime = body.string("endTime", 8);
        Long max = body.longValue("maxEvents", Integer.MIN_VALUE, Integer.MAX_VALUE);
        String cron = body.string("cron", 200);
        String zone = body.string("zone", 64);
        if (body.violations.size() > before) {
            return null;
        }
        List<Violation> found = new ArrayList<>();
        Recurrence r = new RecurrenceFields(unit, every == null ? null : every.toString(), days,
                positions == null ? null : positions.stream().map(String::valueOf).toList(), startDate, startTime,
                endDate, endTime, max == null ? null : max.toString(), cron, zone).read(found);
        found.forEach(v -> body.violations.add(new Violation(p + v.field(), v.message())));
        return r;
    }
}
