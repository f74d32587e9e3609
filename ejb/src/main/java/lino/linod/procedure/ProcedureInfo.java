package lino.linod.procedure;

import jakarta.enterprise.inject.spi.Bean;

/**
 * A registered procedure: its name, the recurrence it suggests (Lino's "Suggested recurrency" text) and the bean
 * that implements it.
 */
public record ProcedureInfo(String name, String suggestedRecurrence, Bean<?> bean) {

    /** Lino's "Task class" column; every procedure here makes plain system tasks. */
    public static final String TASK_CLASS = "linod.SystemTask";

    public String beanClassName() {
        return bean.getBeanClass().getName();
    }
}
