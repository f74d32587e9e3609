package lino.linod.task;

import lino.linod.recurrence.Recurrence;

/**
 * A task to create for {@code procedure}, with the settings a user gave; a null setting gets its default: the
 * procedure's name, the next No., WARNING for tasks that run every few seconds and INFO otherwise, enabled, the
 * procedure's suggested recurrence, no parameters, the default run policies ({@link Policies}).
 */
public record NewTask(String procedure, String name, Integer seqno, LogLevel logLevel, Boolean disabled,
        Recurrence recurrence, String parameters, Policies policies) {

    /** A task with the default run policies. */
    public NewTask(String procedure, String name, Integer seqno, LogLevel logLevel, Boolean disabled,
            Recurrence recurrence, String parameters) {
        this(procedure, name, seqno, logLevel, disabled, recurrence, parameters, Policies.NONE);
    }

    /** Lino's insert form: a procedure, a name and a recurrence. */
    public static NewTask of(String procedure, String name, Recurrence recurrence) {
        return new NewTask(procedure, name, null, null, null, recurrence, null);
    }
}
