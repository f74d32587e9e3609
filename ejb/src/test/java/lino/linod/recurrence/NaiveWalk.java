package lino.linod.recurrence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The slow, obvious reading of a unit rule, kept independent of {@link Schedule}: walks slot by slot from the
 * anchor and tests each day against the rule's definition. Only for comparison in tests.
 */
final class NaiveWalk {

    private static final int DAY_LIMIT = 50_000;
    private static final int STEP_LIMIT = 2_000_000;

    private final Recurrence r;
    private final ZoneId zone;

    NaiveWalk(Recurrence r, ZoneId zone) {
        this.r = r;
        this.zone = zone;
    }

    Optional<Instant> nextRun(Instant lastStart, Instant now, long runsSoFar) {
        if (r.unit() == Unit.NEVER || r.maxEvents() != null && runsSoFar >= r.maxEvents()) {
            return Optional.empty();
        }
        Optional<Instant> next = find(lastStart, now);
        Instant end = end();
        return next.filter(at -> end == null || !at.isAfter(end));
    }

    private Instant end() {
        if (r.endDate() == null) {
            return null;
        }
        return r.endTime() == null ? wallClock(r.endDate().plusDays(1).atStartOfDay()).minusNanos(1)
                : wallClock(r.endDate().atTime(r.endTime()));
    }

    private boolean wanted(Instant slot, Instant lastStart, Instant now) {
        return lastStart == null ? !slot.isBefore(now) : slot.isAfter(lastStart);
    }

    private Optional<Instant> find(Instant lastStart, Instant now) {
        LocalTime time = r.startTime() == null ? LocalTime.MIDNIGHT : r.startTime();
        if (r.unit() == Unit.ONCE) {
            Instant at = wallClock(r.startDate().atTime(time));
            return lastStart == null || lastStart.isBefore(at) ? Optional.of(at) : Optional.empty();
        }
        boolean unanchored = r.startDate() == null && r.startTime() == null && r.weekdays().isEmpty()
                && r.unit() != Unit.EASTER;
        if (unanchored) {
            if (lastStart == null) {
                return Optional.of(now);
            }
            LocalDateTime local = LocalDateTime.ofInstant(lastStart, zone);
            return Optional.of(switch (r.unit()) {
                case SECONDLY -> lastStart.plusSeconds(r.every());
                case MINUTELY -> lastStart.plusSeconds(60L * r.every());
                case HOURLY -> lastStart.plusSeconds(3600L * r.every());
                case DAILY -> wallClock(local.plusDays(r.every()));
                case WEEKLY -> wallClock(local.plusDays(7L * r.every()));
                case MONTHLY -> wallClock(local.plusMonths(r.every()));
                default -> wallClock(local.plusYears(r.every()));
            });
        }
        if (r.unit() == Unit.SECONDLY || r.unit() == Unit.MINUTELY || r.unit() == Unit.HOURLY) {
            long step = r.every() * (r.unit() == Unit.SECONDLY ? 1L : r.unit() == Unit.MINUTELY ? 60L : 3600L);
            Instant slot = wallClock(r.startDate().atTime(time));
            for (int i = 0; i < STEP_LIMIT; i++, slot = slot.plusSeconds(step)) {
                boolean onDay = r.weekdays().isEmpty()
                        || r.weekdays().contains(LocalDate.ofInstant(slot, zone).getDayOfWeek());
                if (onDay && wanted(slot, lastStart, now)) {
                    return Optional.of(slot);
                }
            }
            throw new IllegalStateException("walked too far for " + r);
        }
        LocalDate anchor = r.startDate() != null ? r.startDate()
                : LocalDate.ofInstant(lastStart != null ? lastStart : now, zone);
        LocalDate day = anchor;
        for (int i = 0; i < DAY_LIMIT; i++, day = day.plusDays(1)) {
            if (isSlot(day, anchor)) {
                Instant slot = wallClock(day.atTime(time));
                if (wanted(slot, lastStart, now)) {
                    return Optional.of(slot);
                }
            }
        }
        return Optional.empty();
    }

    private boolean isSlot(LocalDate d, LocalDate a) {
        Set<DayOfWeek> days = r.weekdays();
        boolean dayOk = days.isEmpty() || days.contains(d.getDayOfWeek());
        int n = r.every();
        switch (r.unit()) {
            case DAILY:
                return ChronoUnit.DAYS.between(a, d) % n == 0 && dayOk;
            case WEEKLY:
                if (days.isEmpty()) {
                    return ChronoUnit.DAYS.between(a, d) % (7L * n) == 0;
                }
                LocalDate mondayA = a.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                LocalDate mondayD = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return ChronoUnit.WEEKS.between(mondayA, mondayD) % n == 0 && dayOk
                        && positionOk(d, mondayD, mondayD.plusDays(6));
            case MONTHLY:
                long months = ChronoUnit.MONTHS.between(YearMonth.from(a), YearMonth.from(d));
                if (months % n != 0) {
                    return false;
                }
                if (days.isEmpty()) {
                    return d.getDayOfMonth() == Math.min(a.getDayOfMonth(), d.lengthOfMonth());
                }
                return dayOk && positionOk(d, d.withDayOfMonth(1), d.withDayOfMonth(d.lengthOfMonth()));
            case YEARLY:
                if ((d.getYear() - a.getYear()) % n != 0) {
                    return false;
                }
                if (days.isEmpty()) {
                    return d.getMonth() == a.getMonth() && d.getDayOfMonth()
                            == Math.min(a.getDayOfMonth(), YearMonth.from(d).lengthOfMonth());
                }
                return dayOk && positionOk(d, d.withDayOfYear(1), d.withDayOfYear(d.lengthOfYear()));
            case EASTER:
                long offset = r.startDate() == null ? 0 : ChronoUnit.DAYS.between(gauss(a.getYear()), a);
                for (int y = d.getYear() - 1; y <= d.getYear() + 1; y++) {
                    if (y >= a.getYear() && (y - a.getYear()) % n == 0 && gauss(y).plusDays(offset).equals(d)) {
                        return true;
                    }
                }
                return false;
            default:
                throw new IllegalStateException(r.unit().name());
        }
    }

    /** Whether d's rank among the checked days of its period, from the start or from the end, is selected. */
    private boolean positionOk(LocalDate d, LocalDate first, LocalDate last) {
        List<Integer> positions = r.positions();
        if (positions.isEmpty()) {
            return true;
        }
        int fromStart = 0;
        int fromEnd = 0;
        for (LocalDate x = first; !x.isAfter(last); x = x.plusDays(1)) {
            if (r.weekdays().contains(x.getDayOfWeek())) {
                if (!x.isAfter(d)) {
                    fromStart++;
                }
                if (!x.isBefore(d)) {
                    fromEnd++;
                }
            }
        }
        return positions.contains(fromStart) || positions.contains(-fromEnd);
    }

    Instant wallClock(LocalDateTime local) {
        return wallClock(local, zone);
    }

    static Instant wallClock(LocalDateTime local, ZoneId zone) {
        ZonedDateTime z = ZonedDateTime.ofLocal(local, zone, null);
        if (!z.toLocalDateTime().equals(local)) {
            return zone.getRules().getTransition(local).getInstant();
        }
        return z.toInstant();
    }

    /** Easter Sunday by Gauss's algorithm, another method than the engine's. */
    static LocalDate gauss(int year) {
        int a = year % 19;
        int b = year % 4;
        int c = year % 7;
        int k = year / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * d + n) % 7;
        if (d == 29 && e == 6) {
            return LocalDate.of(year, 4, 19);
        }
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(year, 4, 18);
        }
        return LocalDate.of(year, 3, 22).plusDays(d + e);
    }
}
