package lino.linod.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import lino.linod.site.Settings;
import lino.linod.procedure.ProcedureInfo;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.recurrence.Recurrence;
import lino.linod.task.InvalidInputException;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;
import lino.linod.task.TooManyTasksException;

/** {@code procedures.xhtml}: Lino's Background procedures, and a further task for one of them. */
@Named
@RequestScoped
public class ProceduresPage extends Page {

    @Inject
    ProcedureRegistry registry;

    @EJB
    SystemTasks tasks;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** One line of the table. */
    public record Row(String name, String taskClass, String suggested, long tasks) {
    }

    public List<Row> getRows() {
        Map<String, Long> counts = tasks.countsByProcedure();
        return registry.procedures().values().stream()
                .map(p -> new Row(p.name(), p.taskClass(),
                        p.suggested().suggestedText(),
                        counts.getOrDefault(p.name(), 0L)))
                .toList();
    }

    public String createTask(String procedure) {
        if (!mayChange()) {
            return null;
        }
        try {
            Recurrence suggested = registry.find(procedure).map(ProcedureInfo::suggested)
                    .orElse(null);
            SystemTask task = tasks.create(procedure, procedure, suggested, getUser(), clock.instant(),
                    settings.zone());
            info("Created " + task.label() + ".");
        } catch (InvalidInputException | TooManyTasksException e) {
            error(e.getMessage());
        }
        return null;
    }
}
