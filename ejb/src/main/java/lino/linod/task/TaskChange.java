package lino.linod.task;

import java.util.function.Predicate;
import lino.linod.recurrence.Recurrence;

/**
 * What a user asks to change in a system task; a null setting means "leave as it is". {@code expectedRevision} is
 * the revision the change is based on (null: none named); {@code precondition}, when not null, must hold for the
 * task as it is when locked (the API's If-Match), else nothing changes.
 */
public record TaskChange(Long expectedRevision, String name, Integer seqno, LogLevel logLevel, Boolean disabled,
        Recurrence recurrence, String parameters, Predicate<SystemTask> precondition, Policies policies) {

    /** A change that leaves the run policies as they are. */
    public TaskChange(Long expectedRevision, String name, Integer seqno, LogLevel logLevel, Boolean disabled,
            Recurrence recurrence, String parameters, Predicate<SystemTask> precondition) {
        this(expectedRevision, name, seqno, logLevel, disabled, recurrence, parameters, precondition, Policies.NONE);
    }

    public static final int MAX_SEQNO = 1_000_000;
    public static final int PARAMETERS_LENGTH = 2000;

    /** A change based on {@code expectedRevision}, without a precondition. */
    public TaskChange(long expectedRevision, String name, Integer seqno, LogLevel logLevel, Boolean disabled,
            Recurrence recurrence, String parameters) {
        this(Long.valueOf(expectedRevision), name, seqno, logLevel, disabled, recurrence, parameters, null,
                Policies.NONE);
    }
}
