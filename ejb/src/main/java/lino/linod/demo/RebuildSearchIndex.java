package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.Warning;

/** A slow procedure (about 20 seconds) that reports its progress and stops when asked to. */
@ApplicationScoped
@BackgroundTask(value = "rebuild_search_index", recurrence = "every=2, every_unit=minutely")
public class RebuildSearchIndex implements Procedure {

    private static final int STEPS = 20;

    @Override
    public void run(ProcedureContext context) throws Exception {
        for (int step = 1; step <= STEPS; step++) {
            if (context.cancellationRequested()) {
                throw new Warning("Stopped at step " + step + " of " + STEPS + " on request.");
            }
            // The demo stands for real work that takes time.
            Thread.sleep(1000);
            context.progress(step * 100 / STEPS, "Indexed part " + step + " of " + STEPS);
            context.logger().fine("Indexed part " + step + ".");
        }
        context.logger().info("Search index rebuilt.");
    }
}
