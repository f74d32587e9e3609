package lino.linod.recurrence;

import jakarta.enterprise.concurrent.CronTrigger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * A cron expression evaluated by Jakarta Concurrency's {@link CronTrigger}, with our daylight-saving rule.
 * <p>
 * {@code CronTrigger} evaluated in a zone with daylight saving skips a day whose time falls in the spring-forward
 * gap and fires twice when it falls in the fall-back overlap. So the trigger only ever sees UTC, a time line without
 * transitions, on which it answers wall-clock times; {@link WallClock} then turns them into instants.
 */
final class CronRule {

    static final int MAX_LENGTH = 200;

    private final CronTrigger localTimeLine;

    private CronRule(CronTrigger localTimeLine) {
        this.localTimeLine = localTimeLine;
    }

    /** Blanks collapsed to one space, because {@code CronTrigger} splits on single spaces only. */
    static String normalise(String expression) {
        return expression == null ? null : expression.strip().replaceAll("\\s+", " ");
    }

    /** Parses a normalised expression. */
    static CronRule parse(String expression) {
        return new CronRule(new CronTrigger(expression, ZoneOffset.UTC));
    }

    /** Why {@code expression} is refused, or empty when {@code CronTrigger} accepts it. */
    static Optional<String> problem(String expression) {
        if (expression.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (expression.length() > MAX_LENGTH) {
            return Optional.of("longer than " + MAX_LENGTH + " characters");
        }
        int fields = expression.split(" ").length;
        if (fields != 5 && fields != 6) {
            return Optional.of("'" + expression + "' has " + fields
                    + " fields; expected 5 (minute hour day-of-month month day-of-week) or 6 (with seconds first)");
        }
        if (expression.startsWith("@")) {
            return Optional.of("macros such as @daily are not supported");
        }
        try {
            parse(expression);
            return Optional.empty();
        } catch (RuntimeException e) {
            // CronTrigger reports only the offending field ("minutes: 5-20/5"); the hint names what it lacks.
            return Optional.of("invalid expression '" + expression + "' (" + e.getMessage()
                    + "); supported: numbers, names, *, ?, lists, ranges, a/n and */n steps (not a-b/n, not in"
                    + " day-of-week), L and nL in day-of-month, DAY#n and DAY#L in day-of-week");
        }
    }

    /** The first instant at or after {@code t} whose wall-clock time in {@code zone} matches, if any. */
    Optional<Instant> firstAtOrAfter(Instant t, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        LocalDateTime from = LocalDateTime.ofInstant(t, zone);
        List<ZoneOffset> offsets = rules.getValidOffsets(from);
        if (offsets.size() == 2 && rules.getOffset(t).equals(offsets.get(1))) {
            // t lies in the second pass of a repeated hour: the times of that hour already ran in the first pass.
            from = rules.getTransition(from).getDateTimeBefore();
        }
        for (int attempt = 0; attempt < 4; attempt++) {
            Optional<LocalDateTime> slot = localAtOrAfter(from);
            if (slot.isEmpty()) {
                return Optional.empty();
            }
            Instant at = WallClock.instant(slot.get(), zone);
            if (!at.isBefore(t)) {
                return Optional.of(at);
            }
            ZoneOffsetTransition gap = rules.getTransition(slot.get());
            LocalDateTime next = slot.get().plusSeconds(1);
            from = gap != null && gap.isGap() && gap.getDateTimeAfter().isAfter(next) ? gap.getDateTimeAfter() : next;
        }
        return Optional.empty();
    }

    /** The first matching wall-clock time at or after {@code from}. */
    Optional<LocalDateTime> localAtOrAfter(LocalDateTime from) {
        LocalDateTime start = from;
        // CronTrigger 3.0 fails with an index of -1 when the time is on a matching day but before the first listed
        // hour ("0 30 2 * * *" asked at 00:10). No time in an unlisted hour can match, so the next full hour is a
        // safe restart; at most 24 restarts reach a listed hour or the next day.
        for (int restart = 0; restart <= 24; restart++) {
            try {
                return Optional.ofNullable(localTimeLine.getNextRunTime(null, start.atZone(ZoneOffset.UTC)))
                        .map(time -> time.toLocalDateTime());
            } catch (IndexOutOfBoundsException e) {
                start = start.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } catch (DateTimeException e) {
                // CronTrigger gives up after 1000 steps or when no month can match, e.g. "0 0 30 FEB *".
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
