package lino.linod.it;

import jakarta.enterprise.context.ApplicationScoped;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;

/** Procedures of the process-level tests (several nodes, crashes, outages); they never run by themselves. */
public final class ClusterProcedures {

    private ClusterProcedures() {
    }

    /** Done at once. */
    @ApplicationScoped
    @BackgroundTask(value = "it_quick", recurrence = "every=1, every_unit=never")
    public static class Quick implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().info("quick");
        }
    }

    /**
     * Goes on for ten minutes, or until it is asked to stop: it waits on its own monitor with a deadline and looks
     * at the request to stop between the waits (the context offers no callback).
     */
    @ApplicationScoped
    @BackgroundTask(value = "it_long", recurrence = "every=1, every_unit=never")
    public static class Long implements Procedure {
        private final Object monitor = new Object();

        @Override
        public void run(ProcedureContext context) throws InterruptedException {
            context.logger().info("long run started");
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
            synchronized (monitor) {
                while (!context.cancellationRequested() && System.nanoTime() < deadline) {
                    monitor.wait(100);
                }
            }
            context.logger().info("long run ends");
        }
    }
}
