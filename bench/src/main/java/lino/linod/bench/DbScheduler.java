package lino.linod.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * db-scheduler 16.0.0 with one one-time task, either with its defaults (10 threads, polling every 10 s, fetch and
 * lock on execute) or tuned as its README suggests for throughput (polling every 100 ms, lock-and-fetch with
 * {@code FOR UPDATE SKIP LOCKED}). Nodes are schedulers with their own name, threads and HikariCP pool (default
 * size 10) in the benchmark's JVM. Its table is the one of its README for PostgreSQL; executions are rows inserted
 * in one transaction, as its documentation allows.
 */
final class DbScheduler implements Contender {

    private static final String DDL = """
            CREATE TABLE scheduled_tasks (
              task_name TEXT NOT NULL,
              task_instance TEXT NOT NULL,
              task_data BYTEA,
              execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
              picked BOOLEAN NOT NULL,
              picked_by TEXT,
              last_success TIMESTAMP WITH TIME ZONE,
              last_failure TIMESTAMP WITH TIME ZONE,
              consecutive_failures INT,
              last_heartbeat TIMESTAMP WITH TIME ZONE,
              version BIGINT NOT NULL,
              priority SMALLINT,
              PRIMARY KEY (task_name, task_instance));
            CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
            CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
            CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)
            """;

    private final Postgres postgres;
    private final boolean tuned;
    private final List<Scheduler> nodes = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private String database;
    private final java.util.concurrent.atomic.AtomicLong own = new java.util.concurrent.atomic.AtomicLong();

    DbScheduler(Postgres postgres, boolean tuned) {
        this.postgres = postgres;
        this.tuned = tuned;
    }

    @Override
    public String name() {
        return tuned ? "db-scheduler 16.0.0 tuned" : "db-scheduler 16.0.0 defaults";
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public void start(int count) throws Exception {
        database = (tuned ? "dbs_tuned_" : "dbs_defaults_") + count + "_nodes";
        postgres.createDatabase(database);
        try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
            for (String statement : DDL.split(";")) {
                s.execute(statement);
            }
        }
        Recorder.clear();
        for (int i = 0; i < count; i++) {
            String node = "node-" + (char) ('a' + i);
            OneTimeTask<Void> task = Tasks.oneTime("bench").execute((instance, context) -> Recorder.ran(
                    Long.parseLong(instance.getId()), context.getExecution().executionTime.toEpochMilli(),
                    System.currentTimeMillis(), node));
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.jdbcUrl(database));
            config.setUsername(Postgres.USER);
            config.setPassword(Postgres.PASSWORD);
            HikariDataSource pool = new HikariDataSource(config);
            pools.add(pool);
            var builder = Scheduler.create(pool, task).schedulerName(new SchedulerName.Fixed(node));
            if (tuned) {
                builder.pollingInterval(Duration.ofMillis(100)).pollUsingLockAndFetch(0.5, 1.0);
            }
            Scheduler scheduler = builder.build();
            scheduler.start();
            nodes.add(scheduler);
        }
    }

    @Override
    public long load(long[] keys, long[] due) throws Exception {
        own.incrementAndGet();
        try (Connection c = postgres.connect(database)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO scheduled_tasks (task_name,"
                    + " task_instance, execution_time, picked, version) VALUES ('bench', ?, ?, FALSE, 1)")) {
                for (int i = 0; i < keys.length; i++) {
                    insert.setString(1, String.valueOf(keys[i]));
                    insert.setTimestamp(2, new Timestamp(due[i]));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
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
    public void close() {
        nodes.forEach(Scheduler::stop);
        pools.forEach(HikariDataSource::close);
        nodes.clear();
        pools.clear();
    }
}
