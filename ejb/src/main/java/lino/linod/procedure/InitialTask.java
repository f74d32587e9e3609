package lino.linod.procedure;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A task made for the procedure when it has none (at a node's start, or by SetupTasks), in place of the one task
 * named after the procedure: as Lino's demo fixtures make "Make Sales invoices (SLS)" and "Make Service reports
 * (SRV)" for one invoicing procedure, each with its own parameters.
 */
@Retention(RUNTIME)
@Target(TYPE)
@Repeatable(InitialTask.List.class)
public @interface InitialTask {

    /** The task's name. */
    String name();

    /** Its parameters: a JSON object of the procedure's parameter type (or the free text of an untyped one). */
    String parameters() default "";

    /** Several initial tasks. */
    @Retention(RUNTIME)
    @Target(TYPE)
    @interface List {
        InitialTask[] value();
    }
}
