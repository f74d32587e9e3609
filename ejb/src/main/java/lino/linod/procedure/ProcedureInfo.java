package lino.linod.procedure;

import jakarta.enterprise.inject.spi.Bean;
import lino.linod.recurrence.Recurrence;

/**
 * A registered procedure: its name, the recurrence it suggests (Lino's "Suggested recurrency" text, and that text
 * parsed once, when the bean was discovered) and the bean that implements it.
 */
public record ProcedureInfo(String name, String suggestedRecurrence, Recurrence suggested, Bean<?> bean) {

    /** Lino's "Task class" column; every procedure here makes plain system tasks. */
    public static final String TASK_CLASS = "linod.SystemTask";

    public String beanClassName() {
        return bean.getBeanClass().getName();
    }
}
