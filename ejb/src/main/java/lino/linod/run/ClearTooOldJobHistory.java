package lino.linod.run;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import lino.linod.site.Settings;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.ScheduleDaily;

/** Deletes runs older than {@code linod.history_retention} (Lino's {@code clear_too_old_job_history}). */
@ApplicationScoped
@ScheduleDaily("clear_too_old_job_history")
public class ClearTooOldJobHistory implements Procedure {

    @EJB
    Runs runs;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Override
    public void run(ProcedureContext context) {
        int deleted = runs.deleteOlderThan(clock.instant().minus(settings.historyRetention()));
        context.logger().info("Deleted " + deleted + " runs older than " + settings.historyRetention() + ".");
    }
}
