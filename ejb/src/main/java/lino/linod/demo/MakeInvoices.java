package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.InitialTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;

/**
 * Lino's invoicing tasks: one procedure, several tasks of the task class {@code invoicing.Task}, each with its own
 * journal and offsets (its typed parameters), name, recurrence and history.
 */
@ApplicationScoped
@BackgroundTask(value = "make_invoices", recurrence = "every=1, every_unit=daily, start_time=06:00",
        parameters = InvoicingParameters.class, taskClass = "invoicing.Task")
@InitialTask(name = "Make Sales invoices (SLS)",
        parameters = "{\"journal\": \"SLS\", \"maxDateOffset\": -1, \"todayOffset\": 0}")
@InitialTask(name = "Make Service reports (SRV)",
        parameters = "{\"journal\": \"SRV\", \"maxDateOffset\": 0, \"todayOffset\": 0}")
public class MakeInvoices implements Procedure {

    @Override
    public void run(ProcedureContext context) {
        InvoicingParameters p = context.parameters(InvoicingParameters.class);
        LocalDate today = LocalDate.now();
        context.logger().info("Made 0 invoices in journal " + p.journal() + " dated " + today.plusDays(p.todayOffset())
                + " for what is due up to " + today.plusDays(p.maxDateOffset()) + ".");
    }
}
