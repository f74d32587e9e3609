package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;

/** Writes the weekly report (Lino's demo: every Saturday at 04:00). */
@ApplicationScoped
@BackgroundTask(value = "send_weekly_report", recurrence = "every=1, every_unit=weekly, saturday=True, start_time=04:00")
public class SendWeeklyReport implements Procedure {

    @Inject
    DemoTables tables;

    @Override
    public void run(ProcedureContext context) throws Exception {
        try (Connection c = tables.connect()) {
            int sent = DemoTables.count(c, "SELECT COUNT(*) FROM DEMO_EMAIL WHERE SENT = TRUE");
            context.logger().info("Weekly report for " + context.principal().getName() + ": " + sent
                    + " emails sent.");
        }
    }
}
