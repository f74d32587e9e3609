package lino.linod.task;

import lino.linod.recurrence.Recurrence;

/**
 * What a user asks to change in a system task; null means "leave as it is". {@code expectedVersion} is the
 * version the user's change is based on.
 */
public record TaskChange(long expectedVersion, String name, Integer seqno, LogLevel logLevel, Boolean disabled,
        Recurrence recurrence, String parameters) {

    public static final int MAX_SEQNO = 1_000_000;
    public static final int PARAMETERS_LENGTH = 2000;
}
