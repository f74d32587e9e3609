package lino.linod.recurrence;

/**
 * One reason why a recurrence is impossible.
 *
 * @param field the offending field: unit, every, weekdays, positions, startDate, startTime, endDate, endTime,
 *              maxEvents, cron or zone (from {@link Recurrence#parseSuggested(String)} also an unknown key, or
 *              {@code text} for a fragment that is not {@code key=value})
 * @param message what is wrong, for people
 */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
