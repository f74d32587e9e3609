package lino.linod.bench;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;

/**
 * linod's side of the trivial job body: counts. Added to the built WAR by {@link Linod}; its own task never runs
 * by itself, the benchmark copies it into the tasks it makes due.
 */
@ApplicationScoped
@BackgroundTask(value = "bench_noop", recurrence = "every=1, every_unit=never")
public class BenchProcedure implements Procedure {

    static final AtomicLong EXECUTIONS = new AtomicLong();

    @Override
    public void run(ProcedureContext context) {
        EXECUTIONS.incrementAndGet();
    }
}
