package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.Warning;

/**
 * Fails now and then, to show both outcomes: a {@link Warning} keeps the task enabled, an exception disables it
 * (as Lino does) until somebody enables it again or presses Run now.
 */
@ApplicationScoped
@BackgroundTask(value = "sync_remote_calendar", recurrence = "every=60, every_unit=secondly")
public class SyncRemoteCalendar implements Procedure {

    @Override
    public void run(ProcedureContext context) throws Exception {
        int dice = ThreadLocalRandom.current().nextInt(10);
        context.logger().fine("Dice says " + dice + ".");
        if (dice == 0) {
            throw new IOException("Remote calendar server did not answer.");
        }
        if (dice <= 2) {
            throw new Warning("Remote calendar answered slowly; synced partially.");
        }
        context.logger().info("Synced remote calendar.");
    }
}
