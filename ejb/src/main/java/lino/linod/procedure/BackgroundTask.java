package lino.linod.procedure;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Registers a {@link Procedure} bean (Lino's {@code @background_task}). The suggested recurrence uses Lino's
 * "Suggested recurrency" wording and becomes the recurrence of the system task created for it.
 */
@Qualifier
@Retention(RUNTIME)
@Target(TYPE)
public @interface BackgroundTask {

    /** The procedure name; empty means the bean class name in snake case ({@code SendWeeklyReport} → {@code send_weekly_report}). */
    @Nonbinding
    String value() default "";

    /** For example {@code every=1, every_unit=weekly, saturday=True, start_time=04:00}. */
    @Nonbinding
    String recurrence() default "every=1, every_unit=daily";

    /**
     * The parameter type of this procedure's tasks (a record, see {@link ParameterType}); {@code Record.class}, the
     * default, means none: a task's parameters are then one free text.
     */
    @Nonbinding
    Class<? extends Record> parameters() default Record.class;

    /** Lino's task class: the label of this procedure's tasks on the pages; empty means {@code linod.SystemTask}. */
    @Nonbinding
    String taskClass() default "";

    /**
     * Procedures that run first when both are due: a task of this procedure waits while a task of one of them is
     * due or running, and starts after its end.
     */
    @Nonbinding
    String[] runAfter() default {};
}
