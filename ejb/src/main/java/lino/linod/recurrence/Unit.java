package lino.linod.recurrence;

import java.util.List;
import java.util.Locale;

/** The unit of a recurrence, named as in Lino's {@code every_unit}. */
public enum Unit {
    ONCE, NEVER, SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY, EASTER;

    /** The name Lino uses in its choice list and in the "Suggested recurrency" text, e.g. {@code secondly}. */
    public String linoName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Inverse of {@link #linoName()}; case and surrounding blanks are ignored. */
    public static Unit ofLinoName(String s) {
        if (s != null) {
            String wanted = s.strip().toLowerCase(Locale.ROOT);
            for (Unit unit : values()) {
                if (unit.linoName().equals(wanted)) {
                    return unit;
                }
            }
        }
        throw new InvalidRecurrenceException(List.of(new Violation("unit", "unknown unit '" + s + "'")));
    }

    /** Units measured as a fixed number of seconds, computed on the instant time line. */
    boolean isInterval() {
        return this == SECONDLY || this == MINUTELY || this == HOURLY;
    }

    long seconds() {
        return switch (this) {
            case SECONDLY -> 1;
            case MINUTELY -> 60;
            case HOURLY -> 3600;
            default -> throw new IllegalStateException(this + " is not an interval unit");
        };
    }
}
