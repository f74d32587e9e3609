package lino.linod.recurrence;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * When a system task runs: Lino's recurrence fields (unit, every, weekdays, positions, start, end, max events),
 * or a cron expression, plus an optional time zone. An immutable value; {@link #schedule(ZoneId)} answers run times.
 * Every way to make one validates it; {@link #violations()} re-checks a value loaded from the database.
 */
@Embeddable
@Access(AccessType.FIELD)
public class Recurrence implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The column of the positions as text, {@code "-1 1 2"}: a longer list is refused. */
    public static final int POSITIONS_LENGTH = 100;

    /** A fixed reference for the "can it ever fire" check, so that validation does not depend on the clock. */
    private static final LocalDate PROBE_DATE = LocalDate.of(2000, 1, 1);

    @Enumerated(EnumType.STRING)
    @Column(name = "EVERY_UNIT", length = 10)
    private Unit unit;

    @Column(name = "EVERY_VALUE")
    private int every;

    @Column(name = "MONDAY")
    private boolean monday;
    @Column(name = "TUESDAY")
    private boolean tuesday;
    @Column(name = "WEDNESDAY")
    private boolean wednesday;
    @Column(name = "THURSDAY")
    private boolean thursday;
    @Column(name = "FRIDAY")
    private boolean friday;
    @Column(name = "SATURDAY")
    private boolean saturday;
    @Column(name = "SUNDAY")
    private boolean sunday;

    @Column(name = "POSITIONS", length = POSITIONS_LENGTH)
    private String positions;

    @Column(name = "START_DATE")
    private LocalDate startDate;
    @Column(name = "START_TIME")
    private LocalTime startTime;
    @Column(name = "END_DATE")
    private LocalDate endDate;
    @Column(name = "END_TIME")
    private LocalTime endTime;
    @Column(name = "MAX_EVENTS")
    private Integer maxEvents;

    @Column(name = "CRON", length = CronRule.MAX_LENGTH)
    private String cron;

    @Column(name = "ZONE_ID", length = 64)
    private String zone;

    /** For JPA only. */
    protected Recurrence() {
    }

    private Recurrence(Builder b) {
        unit = b.unit;
        every = b.every;
        monday = b.weekdays.contains(DayOfWeek.MONDAY);
        tuesday = b.weekdays.contains(DayOfWeek.TUESDAY);
        wednesday = b.weekdays.contains(DayOfWeek.WEDNESDAY);
        thursday = b.weekdays.contains(DayOfWeek.THURSDAY);
        friday = b.weekdays.contains(DayOfWeek.FRIDAY);
        saturday = b.weekdays.contains(DayOfWeek.SATURDAY);
        sunday = b.weekdays.contains(DayOfWeek.SUNDAY);
        positions = b.positions;
        startDate = b.startDate;
        startTime = b.startTime;
        endDate = b.endDate;
        endTime = b.endTime;
        maxEvents = b.maxEvents;
        cron = CronRule.normalise(b.cron);
        zone = b.zone;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code every(10, Unit.SECONDLY)}: Lino's {@code every=10, every_unit=secondly}. */
    public static Recurrence every(int n, Unit unit) {
        return builder().every(n).unit(unit).build();
    }

    /** A cron rule; {@code zone} null means the caller's default zone. */
    public static Recurrence cron(String expression, ZoneId zone) {
        return builder().cron(expression).zone(zone).build();
    }

    /** Reads Lino's "Suggested recurrency" text, the inverse of {@link #suggestedText()}. */
    public static Recurrence parseSuggested(String text) {
        return Texts.parseSuggested(text);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.unit = unit;
        b.every = every;
        b.weekdays.addAll(weekdays());
        b.positions = positions;
        b.startDate = startDate;
        b.startTime = startTime;
        b.endDate = endDate;
        b.endTime = endTime;
        b.maxEvents = maxEvents;
        b.cron = cron;
        b.zone = zone;
        return b;
    }

    /** The unit; null for a cron rule. */
    public Unit unit() {
        return unit;
    }

    public int every() {
        return every;
    }

    public Set<DayOfWeek> weekdays() {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean[] flags = {monday, tuesday, wednesday, thursday, friday, saturday, sunday};
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                days.add(DayOfWeek.of(i + 1));
            }
        }
        return Collections.unmodifiableSet(days);
    }

    /** Lino's set positions: 1 = the first matching day of the period, -1 = the last. */
    public List<Integer> positions() {
        return parsePositions(positions, new ArrayList<>());
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalTime startTime() {
        return startTime;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public LocalTime endTime() {
        return endTime;
    }

    public Integer maxEvents() {
        return maxEvents;
    }

    public String cron() {
        return cron;
    }

    /** The rule's own zone; empty means the zone the caller passes to {@link #schedule(ZoneId)}. */
    public Optional<ZoneId> zone() {
        return zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone));
    }

    /** The stored zone id, unchecked, so that texts can show a rule read from the database even when invalid. */
    String zoneId() {
        return zone;
    }

    /** Lino's "Suggested recurrency": {@code every=1, every_unit=weekly, saturday=True, start_time=04:00}. */
    public String suggestedText() {
        return Texts.suggested(this);
    }

    /** Lino's "When" column: "Every day", "Every 2 months", "Never", "On 05.04.2026", ... */
    public String whenText() {
        return Texts.when(this);
    }

    /** How Lino's {@code linod --list} says when it runs: "Every 1 day at 20:00:00", "Every 10 seconds". */
    public String listingText() {
        return Texts.listing(this);
    }

    /**
     * This rule bound to a zone.
     *
     * @param defaultZone used when the rule has no zone of its own; the daemon passes its configured zone
     * @throws InvalidRecurrenceException when the rule is invalid (possible for a value read from the database)
     */
    public Schedule schedule(ZoneId defaultZone) {
        List<Violation> found = violations();
        if (!found.isEmpty()) {
            throw new InvalidRecurrenceException(found);
        }
        ZoneId effective = zone().orElse(defaultZone);
        return new Schedule(this, Objects.requireNonNull(effective, "defaultZone"));
    }

    /** Everything that makes this rule impossible; empty when it is valid. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                found.add(new Violation("zone", "unknown time zone '" + zone + "'"));
            }
        }
        if (cron != null) {
            checkCron(found);
        } else {
            checkUnitFields(found);
        }
        if (maxEvents != null && maxEvents < 1) {
            found.add(new Violation("maxEvents", "must be at least 1"));
        }
        if (endTime != null && endDate == null) {
            found.add(new Violation("endTime", "needs an end date"));
        }
        if (endDate != null && startDate != null) {
            if (endDate.isBefore(startDate)) {
                found.add(new Violation("endDate", "is before the start date"));
            } else if (endDate.equals(startDate) && endTime != null && startTime != null
                    && endTime.isBefore(startTime)) {
                found.add(new Violation("endTime", "is before the start time"));
            }
        }
        if (found.isEmpty()) {
            checkFires(found);
        }
        return found;
    }

    private void checkCron(List<Violation> found) {
        CronRule.problem(cron).ifPresent(problem -> found.add(new Violation("cron", problem)));
        List<String> extra = new ArrayList<>();
        if (unit != null) {
            extra.add("unit");
        }
        if (every != 1) {
            extra.add("every");
        }
        if (!weekdays().isEmpty()) {
            extra.add("weekdays");
        }
        if (positions != null) {
            extra.add("positions");
        }
        if (startTime != null && startDate == null) {
            extra.add("startTime without startDate");
        }
        if (!extra.isEmpty()) {
            found.add(new Violation("cron", "a cron rule takes its times from the expression; remove "
                    + String.join(", ", extra)));
        }
    }

    private void checkUnitFields(List<Violation> found) {
        if (unit == null) {
            found.add(new Violation("unit", "is required (or give a cron expression)"));
        }
        if (every < 1) {
            found.add(new Violation("every", "must be at least 1"));
        }
        boolean hasWeekdays = !weekdays().isEmpty();
        if (hasWeekdays && (unit == Unit.ONCE || unit == Unit.NEVER || unit == Unit.EASTER)) {
            found.add(new Violation("weekdays", "do not apply to unit " + unit.linoName()));
        }
        if (unit == Unit.ONCE && startDate == null) {
            found.add(new Violation("startDate", "is required for unit once"));
        }
        if (positions != null) {
            List<String> problems = new ArrayList<>();
            List<Integer> list = parsePositions(positions, problems);
            if (positions.length() > POSITIONS_LENGTH) {
                problems.add("are too many: written out (\"" + positions.substring(0, 12) + "…\") they must fit in "
                        + POSITIONS_LENGTH + " characters");
            }
            int limit = unit == Unit.WEEKLY ? 7 : unit == Unit.YEARLY ? 366 : 31;
            for (int p : list) {
                if (p == 0) {
                    problems.add("0 is not a position (1 is the first, -1 the last)");
                } else if (Math.abs(p) > limit) {
                    problems.add(p + " is out of range (-" + limit + " to " + limit + ")");
                }
            }
            if (unit != null && unit != Unit.WEEKLY && unit != Unit.MONTHLY && unit != Unit.YEARLY) {
                problems.add("apply only to weekly, monthly and yearly rules");
            } else if (!hasWeekdays) {
                problems.add("need at least one weekday to count");
            }
            problems.forEach(problem -> found.add(new Violation("positions", problem)));
        }
    }

    /** Adds a violation when the otherwise valid rule can never fire, naming the field that prevents it. */
    private void checkFires(List<Violation> found) {
        if (unit == Unit.NEVER || unit == Unit.ONCE) {
            return;
        }
        ZoneId probeZone = zone().orElse(ZoneOffset.UTC);
        Instant probe = WallClock.instant(LocalDateTime.of(startDate == null ? PROBE_DATE : startDate,
                startTime == null ? LocalTime.MIDNIGHT : startTime), probeZone);
        if (new Schedule(this, probeZone).nextRun(null, probe, 0).isPresent()) {
            return;
        }
        Recurrence unbounded = toBuilder().endDate(null).endTime(null).unchecked();
        if (endDate != null && new Schedule(unbounded, probeZone).nextRun(null, probe, 0).isPresent()) {
            found.add(new Violation("endDate", "the rule has no run between its start and its end"));
        } else if (cron != null) {
            found.add(new Violation("cron", "'" + cron + "' never matches a date"));
        } else if (positions != null) {
            found.add(new Violation("positions", "select no day"));
        } else if (!weekdays().isEmpty()) {
            found.add(new Violation("weekdays", "no run falls on the checked days"));
        } else {
            found.add(new Violation("unit", "the rule never fires"));
        }
    }

    static String formatPositions(int... values) {
        if (values == null || values.length == 0) {
            return null;
        }
        return Arrays.stream(values).distinct().sorted().mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    private static List<Integer> parsePositions(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        TreeSet<Integer> values = new TreeSet<>();
        for (String token : text.strip().split("[\\s,]+")) {
            try {
                values.add(Integer.parseInt(token));
            } catch (NumberFormatException e) {
                problems.add("'" + token + "' is not a number");
            }
        }
        return List.copyOf(values);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Recurrence r)) {
            return false;
        }
        return unit == r.unit && every == r.every && weekdays().equals(r.weekdays())
                && Objects.equals(positions, r.positions) && Objects.equals(startDate, r.startDate)
                && Objects.equals(startTime, r.startTime) && Objects.equals(endDate, r.endDate)
                && Objects.equals(endTime, r.endTime) && Objects.equals(maxEvents, r.maxEvents)
                && Objects.equals(cron, r.cron) && Objects.equals(zone, r.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, every, weekdays(), positions, startDate, startTime, endDate, endTime, maxEvents,
                cron, zone);
    }

    @Override
    public String toString() {
        return "Recurrence[" + suggestedText() + "]";
    }

    /** Collects the fields of a {@link Recurrence}; {@link #build()} validates them all at once. */
    public static final class Builder {
        private Unit unit;
        private int every = 1;
        private final EnumSet<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        private String positions;
        private LocalDate startDate;
        private LocalTime startTime;
        private LocalDate endDate;
        private LocalTime endTime;
        private Integer maxEvents;
        private String cron;
        private String zone;

        private Builder() {
        }

        public Builder unit(Unit unit) {
            this.unit = unit;
            return this;
        }

        public Builder every(int every) {
            this.every = every;
            return this;
        }

        /** Replaces the checked weekdays. */
        public Builder weekdays(DayOfWeek... days) {
            weekdays.clear();
            weekdays.addAll(Arrays.asList(days));
            return this;
        }

        /** Replaces the positions; none clears them. */
        public Builder positions(int... positions) {
            this.positions = formatPositions(positions);
            return this;
        }

        Builder positions(String text) {
            this.positions = text == null || text.isBlank() ? null : text.strip();
            return this;
        }

        public Builder startDate(LocalDate startDate) {
            this.startDate = startDate;
            return this;
        }

        public Builder startTime(LocalTime startTime) {
            this.startTime = startTime;
            return this;
        }

        public Builder endDate(LocalDate endDate) {
            this.endDate = endDate;
            return this;
        }

        public Builder endTime(LocalTime endTime) {
            this.endTime = endTime;
            return this;
        }

        public Builder maxEvents(Integer maxEvents) {
            this.maxEvents = maxEvents;
            return this;
        }

        public Builder cron(String cron) {
            this.cron = cron;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone == null ? null : zone.getId();
            return this;
        }

        Builder zone(String zoneId) {
            this.zone = zoneId;
            return this;
        }

        /** @throws InvalidRecurrenceException listing every violation */
        public Recurrence build() {
            Recurrence built = unchecked();
            List<Violation> found = built.violations();
            if (!found.isEmpty()) {
                throw new InvalidRecurrenceException(found);
            }
            return built;
        }

        Recurrence unchecked() {
            return new Recurrence(this);
        }
    }
}
