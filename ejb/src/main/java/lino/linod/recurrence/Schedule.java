package lino.linod.recurrence;

import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Recurrence} bound to a time zone: answers when the next run is due.
 * <p>
 * The answer is computed from the anchor by arithmetic, never by walking slot by slot, so its cost does not
 * grow with the age of the schedule. Loops that skip periods without a matching day (weekday and position
 * filters) are bounded.
 * <p>
 * As a {@link ZonedTrigger} it serves {@code ManagedScheduledExecutorService.schedule(task, trigger)}; in that
 * role it counts the runs it has seen, for {@code maxEvents}.
 */
public final class Schedule implements ZonedTrigger {

    /** Interval rules without a start date are aligned to this date (at the start time, or midnight). */
    static final LocalDate ALIGNMENT_DATE = LocalDate.of(1970, 1, 1);

    /** Active periods searched for a matching day before concluding that there is none. */
    private static final int PERIOD_LIMIT = 400;

    private static final LocalDate FIRST_MONDAY = LocalDate.of(1970, 1, 5);

    private final Recurrence recurrence;
    private final ZoneId zone;
    private final Unit unit;
    private final long every;
    private final EnumSet<DayOfWeek> weekdays;
    private final List<Integer> positions;
    private final CronRule cron;
    private final Instant notBefore;
    private final Instant notAfter;
    private final LocalTime timeOfDay;
    private final boolean unanchored;

    private long triggerRuns;
    private Instant lastCountedStart;

    Schedule(Recurrence recurrence, ZoneId zone) {
        this.recurrence = recurrence;
        this.zone = zone;
        this.unit = recurrence.unit();
        this.every = recurrence.every();
        this.weekdays = recurrence.weekdays().isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
                : EnumSet.copyOf(recurrence.weekdays());
        this.positions = recurrence.positions();
        this.cron = recurrence.cron() == null ? null : CronRule.parse(recurrence.cron());
        LocalDate start = recurrence.startDate();
        LocalTime time = recurrence.startTime();
        this.timeOfDay = time == null ? LocalTime.MIDNIGHT : time;
        this.notBefore = start == null ? null : WallClock.instant(start.atTime(timeOfDay), zone);
        LocalDate end = recurrence.endDate();
        if (end == null) {
            this.notAfter = null;
        } else if (recurrence.endTime() == null) {
            this.notAfter = WallClock.instant(end.plusDays(1).atStartOfDay(), zone).minusNanos(1);
        } else {
            this.notAfter = WallClock.instant(end.atTime(recurrence.endTime()), zone);
        }
        this.unanchored = cron == null && start == null && time == null && weekdays.isEmpty()
                && positions.isEmpty() && unit != Unit.ONCE && unit != Unit.NEVER && unit != Unit.EASTER;
    }

    public Recurrence recurrence() {
        return recurrence;
    }

    @Override
    public ZoneId getZoneId() {
        return zone;
    }

    /**
     * The next run instant, or empty when the rule will never fire again.
     * <p>
     * Never ran ({@code lastStart} null): an anchored rule answers its first slot at or after {@code now}
     * (a once rule answers its instant even when past, so a missed once still runs); an unanchored interval
     * (no start date or time, no weekdays) answers {@code now}, Lino's "Scheduled to run asap".
     * Ran before: the first slot strictly after {@code lastStart} (unanchored: {@code lastStart + every}).
     * <p>
     * Misfire policy: when that answer is not after {@code now}, the caller runs once, now. All slots missed
     * meanwhile (server down, a run longer than the interval) collapse into that one run; asked again with the new
     * {@code lastStart}, the schedule answers its next future slot. There is never a catch-up burst.
     *
     * @param lastStart when the last run started, null when it never ran
     * @param now       the reference instant
     * @param runsSoFar runs already made, compared with {@code maxEvents}
     */
    public Optional<Instant> nextRun(Instant lastStart, Instant now, long runsSoFar) {
        Objects.requireNonNull(now, "now");
        Integer max = recurrence.maxEvents();
        if (unit == Unit.NEVER || max != null && runsSoFar >= max) {
            return Optional.empty();
        }
        Optional<Instant> next = lastStart == null ? first(now) : after(lastStart);
        return next.filter(at -> notAfter == null || !at.isAfter(notAfter));
    }

    /**
     * The shortest time between two consecutive runs among the first {@code runs} runs at or after {@code from}:
     * per pair, the longer of the time on the time line and on the wall clock (so a daily rule is a day apart even
     * across a change to daylight saving time). Empty when fewer than two runs follow, also when the next one lies
     * beyond the calendar ({@code every=2147483647, every_unit=daily}).
     */
    public Optional<Duration> shortestGap(Instant from, int runs) {
        Duration shortest = null;
        Instant previous = null;
        Optional<Instant> next = nextRun(null, from, 0);
        for (int i = 1; i <= runs && next.isPresent(); i++) {
            Instant at = next.get();
            if (previous != null) {
                Duration onLine = Duration.between(previous, at);
                Duration onClock = Duration.between(previous.atZone(zone).toLocalDateTime(),
                        at.atZone(zone).toLocalDateTime());
                Duration gap = onLine.compareTo(onClock) >= 0 ? onLine : onClock;
                if (shortest == null || gap.compareTo(shortest) < 0) {
                    shortest = gap;
                }
            }
            previous = at;
            try {
                next = nextRun(at, at, i);
            } catch (DateTimeException | ArithmeticException beyondTheCalendar) {
                break;
            }
        }
        return Optional.ofNullable(shortest);
    }

    /** Delegates to {@link #nextRun}; null when the rule will not fire again. */
    @Override
    public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
        Instant lastStart = null;
        Instant now = taskScheduledTime.toInstant();
        long runs;
        synchronized (this) {
            if (lastExecution != null) {
                ZonedDateTime started = lastExecution.getRunStart(zone);
                if (started != null) {
                    lastStart = started.toInstant();
                    if (!lastStart.equals(lastCountedStart)) {
                        triggerRuns++;
                        lastCountedStart = lastStart;
                    }
                } else {
                    lastStart = lastExecution.getScheduledStart(zone).toInstant();
                }
                ZonedDateTime ended = lastExecution.getRunEnd(zone);
                now = ended == null ? lastStart : ended.toInstant();
            }
            runs = triggerRuns;
        }
        return nextRun(lastStart, now, runs).map(at -> at.atZone(zone)).orElse(null);
    }

    private Optional<Instant> first(Instant now) {
        if (unit == Unit.ONCE) {
            return Optional.of(notBefore);
        }
        if (unanchored) {
            return Optional.of(now);
        }
        return slotAtOrAfter(now, localDate(now));
    }

    private Optional<Instant> after(Instant lastStart) {
        if (unit == Unit.ONCE) {
            return lastStart.isBefore(notBefore) ? Optional.of(notBefore) : Optional.empty();
        }
        if (unanchored) {
            return Optional.of(oneStepAfter(lastStart));
        }
        return slotAtOrAfter(lastStart.plusNanos(1), localDate(lastStart));
    }

    private Instant oneStepAfter(Instant lastStart) {
        if (unit.isInterval()) {
            return lastStart.plusSeconds(every * unit.seconds());
        }
        LocalDateTime local = LocalDateTime.ofInstant(lastStart, zone);
        LocalDateTime next = switch (unit) {
            case DAILY -> local.plusDays(every);
            case WEEKLY -> local.plusWeeks(every);
            case MONTHLY -> local.plusMonths(every);
            case YEARLY -> local.plusYears(every);
            default -> throw new IllegalStateException(unit + " is never unanchored");
        };
        return WallClock.instant(next, zone);
    }

    /** The first slot at or after {@code t}; {@code referenceDate} anchors calendar rules without a start date. */
    private Optional<Instant> slotAtOrAfter(Instant t, LocalDate referenceDate) {
        if (cron != null) {
            return cron.firstAtOrAfter(notBefore != null && notBefore.isAfter(t) ? notBefore : t, zone);
        }
        if (unit.isInterval()) {
            return intervalSlot(t);
        }
        LocalDate anchor = recurrence.startDate() != null ? recurrence.startDate() : referenceDate;
        LocalDate from = localDate(t).minusDays(1);
        // Three rounds suffice: a slot on the day after t's local date is always after t.
        for (int round = 0; round < 4; round++) {
            Optional<LocalDate> date = dateAtOrAfter(from.isBefore(anchor) ? anchor : from, anchor);
            if (date.isEmpty()) {
                return Optional.empty();
            }
            Instant at = WallClock.instant(date.get().atTime(timeOfDay), zone);
            if (!at.isBefore(t)) {
                return Optional.of(at);
            }
            from = date.get().plusDays(1);
        }
        return Optional.empty();
    }

    private Optional<Instant> intervalSlot(Instant t) {
        LocalDate alignment = recurrence.startDate() == null ? ALIGNMENT_DATE : recurrence.startDate();
        Instant anchor = WallClock.instant(alignment.atTime(timeOfDay), zone);
        long step = every * unit.seconds();
        Instant from = t;
        for (int round = 0; round < PERIOD_LIMIT; round++) {
            Instant slot = gridAtOrAfter(anchor, step, from);
            LocalDate day = localDate(slot);
            if (weekdays.isEmpty() || weekdays.contains(day.getDayOfWeek())) {
                return Optional.of(slot);
            }
            LocalDate next = day.plusDays(1);
            while (!weekdays.contains(next.getDayOfWeek())) {
                next = next.plusDays(1);
            }
            from = WallClock.instant(next.atStartOfDay(), zone);
        }
        return Optional.empty();
    }

    private static Instant gridAtOrAfter(Instant anchor, long step, Instant t) {
        if (!t.isAfter(anchor)) {
            return anchor;
        }
        Duration elapsed = Duration.between(anchor, t);
        long k = elapsed.getSeconds() / step;
        if (elapsed.getSeconds() % step != 0 || elapsed.getNano() != 0) {
            k++;
        }
        return anchor.plusSeconds(k * step);
    }

    /** The first slot date at or after {@code d}, where {@code d} is not before {@code anchor}. */
    private Optional<LocalDate> dateAtOrAfter(LocalDate d, LocalDate anchor) {
        return switch (unit) {
            case DAILY -> steppedDate(d, anchor, every);
            case WEEKLY -> weekdays.isEmpty() ? steppedDate(d, anchor, 7 * every) : periodDate(d, anchor);
            case MONTHLY, YEARLY -> weekdays.isEmpty() ? sameDayDate(d, anchor) : periodDate(d, anchor);
            case EASTER -> easterDate(d, anchor);
            default -> throw new IllegalStateException(unit + " has no dates");
        };
    }

    private Optional<LocalDate> steppedDate(LocalDate d, LocalDate anchor, long stepDays) {
        long k = ceilDiv(ChronoUnit.DAYS.between(anchor, d), stepDays);
        // The weekday of anchor + k * step repeats after at most 7 steps.
        for (int i = 0; i < 7; i++) {
            LocalDate date = anchor.plusDays((k + i) * stepDays);
            if (weekdays.isEmpty() || weekdays.contains(date.getDayOfWeek())) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }

    /** Monthly or yearly on the anchor's day, clamped to the period's length for each slot separately. */
    private Optional<LocalDate> sameDayDate(LocalDate d, LocalDate anchor) {
        long k = ceilDiv(periodIndex(d) - periodIndex(anchor), every);
        for (int i = 0; i < 2; i++) {
            long period = periodIndex(anchor) + (k + i) * every;
            LocalDate date;
            if (unit == Unit.MONTHLY) {
                YearMonth month = yearMonth(period);
                date = month.atDay(Math.min(anchor.getDayOfMonth(), month.lengthOfMonth()));
            } else {
                YearMonth month = YearMonth.of(Math.toIntExact(period), anchor.getMonth());
                date = month.atDay(Math.min(anchor.getDayOfMonth(), month.lengthOfMonth()));
            }
            if (!date.isBefore(d)) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }

    /** Weekly, monthly or yearly with weekday flags, optionally narrowed by positions within the period. */
    private Optional<LocalDate> periodDate(LocalDate d, LocalDate anchor) {
        long first = periodIndex(anchor);
        long k = ceilDiv(periodIndex(d) - first, every);
        for (int i = 0; i < PERIOD_LIMIT; i++) {
            for (LocalDate date : datesIn(first + (k + i) * every)) {
                if (!date.isBefore(d)) {
                    return Optional.of(date);
                }
            }
        }
        return Optional.empty();
    }

    private List<LocalDate> datesIn(long period) {
        LocalDate from;
        LocalDate until;
        if (unit == Unit.WEEKLY) {
            from = FIRST_MONDAY.plusWeeks(period);
            until = from.plusWeeks(1);
        } else if (unit == Unit.MONTHLY) {
            from = yearMonth(period).atDay(1);
            until = from.plusMonths(1);
        } else {
            from = Year.of(Math.toIntExact(period)).atDay(1);
            until = from.plusYears(1);
        }
        List<LocalDate> matching = new ArrayList<>();
        for (LocalDate date = from; date.isBefore(until); date = date.plusDays(1)) {
            if (weekdays.contains(date.getDayOfWeek())) {
                matching.add(date);
            }
        }
        if (positions.isEmpty()) {
            return matching;
        }
        List<LocalDate> selected = new ArrayList<>();
        for (int position : positions) {
            int index = position > 0 ? position - 1 : matching.size() + position;
            if (index >= 0 && index < matching.size() && !selected.contains(matching.get(index))) {
                selected.add(matching.get(index));
            }
        }
        selected.sort(null);
        return selected;
    }

    private long periodIndex(LocalDate date) {
        return switch (unit) {
            case WEEKLY -> Math.floorDiv(ChronoUnit.DAYS.between(FIRST_MONDAY,
                    date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))), 7);
            case MONTHLY -> date.getYear() * 12L + date.getMonthValue() - 1;
            default -> date.getYear();
        };
    }

    private static YearMonth yearMonth(long period) {
        return YearMonth.of(Math.toIntExact(Math.floorDiv(period, 12)), (int) Math.floorMod(period, 12) + 1);
    }

    /** Each N years, the date at the anchor's distance from its year's Easter Sunday. */
    private Optional<LocalDate> easterDate(LocalDate d, LocalDate anchor) {
        long offset = recurrence.startDate() == null ? 0
                : ChronoUnit.DAYS.between(Easter.sunday(anchor.getYear()), anchor);
        // The offset can move the date into a neighbouring year, hence the search starts one year early.
        long k = ceilDiv(d.getYear() - 1L - anchor.getYear(), every);
        for (int i = 0; i < 4; i++) {
            LocalDate date = Easter.sunday(Math.toIntExact(anchor.getYear() + (k + i) * every)).plusDays(offset);
            if (!date.isBefore(d)) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Ceiling of {@code a / b} for {@code b > 0}, and 0 for negative {@code a}: no slot lies before the anchor. */
    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : -Math.floorDiv(-a, b);
    }

    @Override
    public String toString() {
        return "Schedule[" + recurrence.suggestedText() + " in " + zone + "]";
    }
}
