package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.ScheduleDaily;

/** Updates the summary figures. */
@ApplicationScoped
@ScheduleDaily("checksummaries")
public class Checksummaries implements Procedure {

    @Inject
    DemoTables tables;

    @Override
    public void run(ProcedureContext context) throws Exception {
        try (Connection c = tables.connect()) {
            int messages = DemoTables.count(c, "SELECT COUNT(*) FROM DEMO_MESSAGE");
            int unseen = DemoTables.count(c, "SELECT COUNT(*) FROM DEMO_MESSAGE WHERE SEEN = FALSE");
            int pending = DemoTables.count(c, "SELECT COUNT(*) FROM DEMO_EMAIL WHERE SENT = FALSE");
            context.logger().fine("Counting messages and emails.");
            context.logger().info("Summary: " + messages + " messages (" + unseen + " unseen), " + pending
                    + " pending emails.");
        }
    }
}
