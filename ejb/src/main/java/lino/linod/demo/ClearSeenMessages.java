package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.ScheduleDaily;

/** Deletes the messages their users have seen. */
@ApplicationScoped
@ScheduleDaily("clear_seen_messages")
public class ClearSeenMessages implements Procedure {

    @Inject
    DemoTables tables;

    @Override
    public void run(ProcedureContext context) throws Exception {
        try (Connection c = tables.connect(); Statement s = c.createStatement()) {
            int marked = s.executeUpdate("UPDATE DEMO_MESSAGE SET SEEN = TRUE WHERE MOD(ID, 2) = 0 AND SEEN = FALSE");
            context.logger().fine("Marked " + marked + " messages as seen by their readers.");
            int deleted = s.executeUpdate("DELETE FROM DEMO_MESSAGE WHERE SEEN = TRUE");
            context.logger().info("Removed " + deleted + " seen messages.");
        }
    }
}
