package lino.linod.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz 2.5.0 as its documentation sets up a cluster: JDBC job store ({@code JobStoreTX}), clustered, the
 * PostgreSQL delegate, HikariCP, its shipped defaults otherwise (10 threads, one trigger per acquisition); its
 * tables from its own {@code tables_postgres.sql}. Nodes are schedulers of one name with their own instance id,
 * thread pool and connection pool, in the benchmark's JVM. One departure from the defaults: the misfire threshold
 * is 10 minutes, so that 10,000 triggers due now are fired as due, not handled as misfires.
 */
final class QuartzScheduler implements Contender {

    private final Postgres postgres;
    private final List<Scheduler> nodes = new ArrayList<>();
    private String database;
    private final java.util.concurrent.atomic.AtomicLong own = new java.util.concurrent.atomic.AtomicLong();
    private int batch;

    QuartzScheduler(Postgres postgres) {
        this.postgres = postgres;
    }

    @Override
    public String name() {
        return "Quartz 2.5.0";
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public void start(int count) throws Exception {
        database = "quartz_" + count + "_nodes";
        postgres.createDatabase(database);
        createTables();
        Recorder.clear();
        for (int i = 0; i < count; i++) {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "bench");
            p.setProperty("org.quartz.scheduler.instanceId", "node-" + (char) ('a' + i));
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.threadPool.threadCount", "10");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass",
                    "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.misfireThreshold", "600000");
            p.setProperty("org.quartz.jobStore.dataSource", "db");
            p.setProperty("org.quartz.dataSource.db.provider", "hikaricp");
            p.setProperty("org.quartz.dataSource.db.driver", "org.postgresql.Driver");
            p.setProperty("org.quartz.dataSource.db.URL", postgres.jdbcUrl(database));
            p.setProperty("org.quartz.dataSource.db.user", Postgres.USER);
            p.setProperty("org.quartz.dataSource.db.password", Postgres.PASSWORD);
            p.setProperty("org.quartz.dataSource.db.maxConnections", "12");
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            // The repository keeps one scheduler per name and JVM; the next node of the cluster needs its own.
            SchedulerRepository.getInstance().remove("bench");
            s.start();
            nodes.add(s);
        }
    }

    private void createTables() throws Exception {
        String script;
        try (InputStream in = Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.trim();
            if (!t.startsWith("#") && !t.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
            for (String statement : sql.toString().split(";")) {
                String t = statement.trim();
                if (!t.isEmpty() && !t.equalsIgnoreCase("commit")) {
                    s.execute(t);
                }
            }
        }
    }

    /** The trivial job body; the trigger's name is the key. */
    public static class BenchJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            long start = System.currentTimeMillis();
            String node;
            try {
                node = context.getScheduler().getSchedulerInstanceId();
            } catch (SchedulerException e) {
                node = "?";
            }
            Recorder.ran(Long.parseLong(context.getTrigger().getKey().getName()),
                    context.getScheduledFireTime().getTime(), start, node);
        }
    }

    @Override
    public long load(long[] keys, long[] due) throws Exception {
        own.incrementAndGet();
        JobDetail job = JobBuilder.newJob(BenchJob.class).withIdentity("bench-" + (++batch)).storeDurably().build();
        Set<Trigger> triggers = new HashSet<>();
        for (int i = 0; i < keys.length; i++) {
            triggers.add(TriggerBuilder.newTrigger().withIdentity(String.valueOf(keys[i])).forJob(job)
                    .startAt(new Date(due[i])).withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withMisfireHandlingInstructionFireNow()).build());
        }
        // One call, one transaction of the job store for every trigger.
        nodes.get(0).scheduleJobs(Map.of(job, triggers), false);
        return System.currentTimeMillis();
    }

    @Override
    public int finished(long from, long to) {
        return Recorder.finished(from, to);
    }

    @Override
    public List<Execution> executions(long from, long to) {
        return Recorder.executions(from, to);
    }

    @Override
    public long ownTransactions() {
        return own.get();
    }

    @Override
    public void close() throws Exception {
        for (Scheduler s : nodes) {
            s.shutdown(true);
        }
        nodes.clear();
    }
}
