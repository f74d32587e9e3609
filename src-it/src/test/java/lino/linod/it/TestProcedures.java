package lino.linod.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.ScheduleDaily;
import lino.linod.procedure.ScheduleOften;
import lino.linod.procedure.Warning;

/** The procedures of the container tests, one per behaviour. */
public final class TestProcedures {

    private TestProcedures() {
    }

    @ApplicationScoped
    @ScheduleOften("it_often")
    public static class Often implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().warning("often ran as " + context.principal().getName());
        }
    }

    @ApplicationScoped
    @ScheduleDaily("it_daily")
    public static class Daily implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().info("daily ran");
        }
    }

    @ApplicationScoped
    @BackgroundTask(value = "it_weekly", recurrence = "every=1, every_unit=weekly, saturday=True, start_time=04:00")
    public static class Weekly implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().info("weekly ran");
        }
    }

    @ApplicationScoped
    @ScheduleDaily("it_fails")
    public static class Fails implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().info("about to fail");
            throw new IllegalStateException("boom");
        }
    }

    @ApplicationScoped
    @ScheduleDaily("it_warns")
    public static class Warns implements Procedure {
        @Override
        public void run(ProcedureContext context) throws Warning {
            throw new Warning("careful");
        }
    }

    @ApplicationScoped
    @ScheduleDaily("it_level")
    public static class Level implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().fine("a debug line");
            context.logger().info("an info line");
        }
    }

    @ApplicationScoped
    @BackgroundTask(value = "it_slow", recurrence = "every=60, every_unit=secondly")
    public static class Slow implements Procedure {

        @Inject
        Gate gate;

        @Override
        public void run(ProcedureContext context) throws InterruptedException {
            context.progress(50, "waiting at the gate");
            gate.pass();
        }
    }

    /** Runs until asked to stop (and notes each start); at most 2 minutes. */
    @ApplicationScoped
    @BackgroundTask(value = "it_polite", recurrence = "every=1, every_unit=never")
    public static class Polite implements Procedure {

        public static final java.util.concurrent.atomic.AtomicInteger STARTED =
                new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void run(ProcedureContext context) throws InterruptedException {
            STARTED.incrementAndGet();
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
            while (!context.cancellationRequested() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            context.logger().info("polite returns");
        }
    }

    /** Takes no notice of a request to stop: ends only when its thread is interrupted (at most 2 minutes). */
    @ApplicationScoped
    @BackgroundTask(value = "it_stubborn", recurrence = "every=1, every_unit=never")
    public static class Stubborn implements Procedure {

        public static final java.util.concurrent.atomic.AtomicInteger STARTED =
                new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void run(ProcedureContext context) throws InterruptedException {
            STARTED.incrementAndGet();
            new java.util.concurrent.CountDownLatch(1).await(2, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /** Holds its run until the test lets it go ({@link #RELEASE}). */
    @ApplicationScoped
    @BackgroundTask(value = "it_first", recurrence = "every=1, every_unit=never")
    public static class First implements Procedure {

        public static volatile java.util.concurrent.CountDownLatch RELEASE = new java.util.concurrent.CountDownLatch(0);

        @Override
        public void run(ProcedureContext context) throws InterruptedException {
            RELEASE.await(2, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /** Runs after {@code it_first} when both are due (Lino's run_after). */
    @ApplicationScoped
    @BackgroundTask(value = "it_after", recurrence = "every=1, every_unit=never", runAfter = "it_first")
    public static class After implements Procedure {
        @Override
        public void run(ProcedureContext context) {
            context.logger().info("after ran");
        }
    }
}
