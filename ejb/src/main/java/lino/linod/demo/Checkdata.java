package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.ScheduleDaily;

/** Runs the data checkers: an email without recipient is a data problem. */
@ApplicationScoped
@ScheduleDaily("checkdata")
public class Checkdata implements Procedure {

    @Inject
    DemoTables tables;

    @Override
    public void run(ProcedureContext context) throws Exception {
        int problems = 0;
        try (Connection c = tables.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT ID, SUBJECT FROM DEMO_EMAIL WHERE RECIPIENT IS NULL")) {
            while (r.next()) {
                problems++;
                context.logger().fine("Email #" + r.getInt(1) + " (" + r.getString(2) + ") has no recipient.");
            }
        }
        context.logger().info("Run 1 data checkers on demo emails: " + problems + " problems.");
    }
}
