package lino.linod.procedure;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Registers a {@link Procedure} suggested to run every 10 seconds (Lino's {@code @schedule_often}). */
@Qualifier
@Retention(RUNTIME)
@Target(TYPE)
public @interface ScheduleOften {

    /** The procedure name; empty means the bean class name in snake case. */
    @Nonbinding
    String value() default "";

    /** Seconds between runs. */
    @Nonbinding
    int every() default 10;
}
