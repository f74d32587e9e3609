package lino.linod.task;

import java.util.logging.Level;

/** Lino's logging levels, mapped onto {@code java.util.logging}. */
public enum LogLevel {
    DEBUG(10, Level.FINE),
    INFO(20, Level.INFO),
    WARNING(30, Level.WARNING),
    ERROR(40, Level.SEVERE),
    CRITICAL(50, new Level("CRITICAL", 1100) {
        private static final long serialVersionUID = 1L;
    });

    private final int numericValue;
    private final Level julLevel;

    LogLevel(int numericValue, Level julLevel) {
        this.numericValue = numericValue;
        this.julLevel = julLevel;
    }

    public int numericValue() {
        return numericValue;
    }

    public Level julLevel() {
        return julLevel;
    }

    /** The Lino level of a JUL record: FINEST..FINE count as DEBUG. */
    public static LogLevel of(Level level) {
        int v = level.intValue();
        if (v >= CRITICAL.julLevel.intValue()) {
            return CRITICAL;
        }
        if (v >= Level.SEVERE.intValue()) {
            return ERROR;
        }
        if (v >= Level.WARNING.intValue()) {
            return WARNING;
        }
        if (v >= Level.INFO.intValue()) {
            return INFO;
        }
        return DEBUG;
    }
}
