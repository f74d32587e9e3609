package lino.linod.procedure;

import java.util.List;

import jakarta.enterprise.inject.spi.Bean;
import lino.linod.recurrence.Recurrence;

/**
 * A registered procedure: its name, the recurrence it suggests (Lino's "Suggested recurrency" text, and that text
 * parsed once, when the bean was discovered), the bean that implements it, the parameter type of its tasks (null:
 * a free text) with Lino's task class label, the tasks made for it when it has none, and the procedures it runs
 * after when both are due ({@code run_after}).
 */
public record ProcedureInfo(String name, String suggestedRecurrence, Recurrence suggested, Bean<?> bean,
        ParameterType parameters, String taskClass, List<Initial> initialTasks, List<String> runAfter) {

    /** Lino's "Task class" of a procedure that names none: plain system tasks. */
    public static final String TASK_CLASS = "linod.SystemTask";

    /** A task made for the procedure when it has none. */
    public record Initial(String name, String parameters) {
    }

    /** A procedure without parameter type, task class or initial tasks. */
    public ProcedureInfo(String name, String suggestedRecurrence, Recurrence suggested, Bean<?> bean) {
        this(name, suggestedRecurrence, suggested, bean, null, TASK_CLASS, List.of(), List.of());
    }

    public String beanClassName() {
        return bean.getBeanClass().getName();
    }

    /** Whether its tasks have typed parameters. */
    public boolean typed() {
        return parameters != null;
    }
}
