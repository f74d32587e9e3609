package lino.linod.it;

import jakarta.enterprise.context.ApplicationScoped;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.ScheduleDaily;
import lino.linod.procedure.ScheduleOften;

/**
 * Two procedures that claim one name, and one that suggests an impossible recurrence: their deployment must fail,
 * naming the beans.
 */
public final class DuplicateProcedures {

    private DuplicateProcedures() {
    }

    @ApplicationScoped
    @ScheduleDaily("it_twice")
    public static class First implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().info("first");
        }
    }

    @ApplicationScoped
    @ScheduleOften("it_twice")
    public static class Second implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().info("second");
        }
    }

    @ApplicationScoped
    @BackgroundTask(value = "it_impossible", recurrence = "every=0, every_unit=fortnightly")
    public static class Impossible implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().info("never");
        }
    }
}
