package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three nodes (real Payara Micro processes with the built WAR) on one PostgreSQL 15, and the ordinary faults of a
 * cluster done for real: tasks every second shared without duplicates or gaps; kill -9 of the node that runs a
 * long task; SIGTERM of another; PostgreSQL stopped for 20 s. The idle database load and the failover time are
 * measured and printed, not asserted.
 */
@OwnNodes
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String ADMIN_PASSWORD = "Cluster-it-1";
    private static final List<String> NAMES = List.of("node-a", "node-b", "node-c");
    private static final int EVERY_SECOND_TASKS = 6;

    /** The migrations on PostgreSQL, in order. */
    static final List<String> CHANGE_SETS = List.of("1-tables", "1-not-from-hibernate", "1-no-id-table",
            "1-id-sequence", "2-nodes", "2-site", "3-task-indexes", "3-run-indexes", "4-task-policies",
            "4-run-stop");

    private static PostgresProcess postgres;
    private static final Map<String, ServerProcess> NODES = new LinkedHashMap<>();
    private static final List<Long> QUICK = new ArrayList<>();
    private static long longTask;

    @BeforeAll
    static void startCluster() throws Exception {
        postgres = PostgresProcess.start();
        postgres.createDatabase("upgraded");
        // Three nodes started at once on an empty database.
        for (String name : NAMES) {
            NODES.put(name, launch(name));
        }
        for (String name : NAMES) {
            awaitReady(NODES.get(name));
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ServerProcess node : NODES.values()) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static ServerProcess launch(String name) throws Exception {
        return launch(name, "linod", Deployments.withClusterProcedures(), Map.of());
    }

    private static ServerProcess launch(String name, String database, java.io.File war, Map<String, String> more)
            throws Exception {
        Map<String, String> environment = new HashMap<>(postgres.linodEnvironment(database));
        environment.put("LINOD_NODE", name);
        environment.put("LINOD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.putAll(more);
        return ServerProcess.micro(war, "derby-unused-" + name, environment,
                List.of(Path.of(System.getProperty("linod.postgresqlJar", "target/postgresql.jar"))));
    }

    private static void awaitReady(ServerProcess node) throws InterruptedException {
        node.awaitReady();
    }

    private static Http.Reply api(ServerProcess node, String method, String path, String body) {
        return Http.call(node, method, "api/" + path, "admin", ADMIN_PASSWORD, body);
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(), PostgresProcess.USER, PostgresProcess.PASSWORD);
    }

    private static long scalar(String sql) {
        try (Connection c = database(); PreparedStatement q = c.prepareStatement(sql); ResultSet r = q.executeQuery()) {
            return r.next() ? r.getLong(1) : -1;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A run: its task, node, start and end (epoch ms), outcome. */
    private record Row(long id, long task, String node, long start, Long end, String outcome) {
    }

    private static List<Row> runs(String where) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = database(); PreparedStatement q = c.prepareStatement(
                "SELECT id, task_id, node_name, start_time, end_time, outcome FROM linod_run WHERE " + where
                        + " ORDER BY task_id, start_time, id");
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                long end = r.getLong(5);
                rows.add(new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getLong(4), r.wasNull() ? null : end,
                        r.getString(6)));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The time of a log record's first line, {@code [2026-11-29T23:52:30.463+0000] …}, in epoch ms. */
    private static long at(String record) {
        return java.time.OffsetDateTime.parse(record.substring(1, record.indexOf(']')),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")).toInstant().toEpochMilli();
    }

    private static String in(List<Long> ids) {
        return "task_id IN (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")";
    }

    private static void setDisabled(ServerProcess node, long task, boolean disabled) {
        Map<String, Object> current = api(node, "GET", "tasks/" + task, null).object();
        Http.Reply put = api(node, "PATCH", "tasks/" + task, "{\"disabled\":" + disabled + ",\"revision\":"
                + current.get("revision") + "}");
        assertEquals(200, put.status(), put.body());
    }

    @Test
    @Order(0)
    void threeNodesStartedAtOnceOnAnEmptyDatabaseMakeOneSchema() throws Exception {
        int made = 0;
        int upToDate = 0;
        for (ServerProcess node : NODES.values()) {
            if (node.awaitLine(l -> l.contains("Database schema version 4 made"), Duration.ZERO).isPresent()) {
                made++;
            }
            if (node.awaitLine(l -> l.contains("Database schema is up to date (version 4)"), Duration.ZERO)
                    .isPresent()) {
                upToDate++;
            }
            assertTrue(node.awaitLine(l -> l.contains("SEVERE") || l.contains("migration failed"), Duration.ZERO)
                    .isEmpty(), "no error at start-up:\n" + node.tail());
            assertEquals(200, Http.get(node, "health/ready", null, null).status(), node.tail());
        }
        assertEquals(1, made, "one node migrated");
        assertEquals(NAMES.size() - 1, upToDate, "the others waited and found the schema up to date");
        try (Connection c = database()) {
            assertEquals(CHANGE_SETS, Databases.changeSets(c), "each change set applied once");
            assertEquals(1, Databases.count(c, "SELECT COUNT(*) FROM linod_user"), "one admin, made once");
            Map<String, List<String>> layout = Databases.layout(c);
            assertTrue(layout.get("LINOD_RUN").contains("CAPTURED_LOG TEXT"), layout.toString());
            assertTrue(layout.values().stream().flatMap(List::stream).noneMatch(col -> col.contains(" OID")),
                    "no large objects: " + layout);
        }
    }

    @Test
    @Order(1)
    void anIdleNodesDatabaseLoadIsMeasured() throws Exception {
        Poll.until("three nodes in LINOD_NODE", Duration.ofSeconds(60),
                () -> scalar("SELECT COUNT(*) FROM linod_node") == 3 ? true : null);
        String sql = "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'linod'";
        // Every statement into the server's log for the window, to count the nodes' transactions one by one;
        // PostgreSQL's own autovacuum counts its transactions in pg_stat_database too: not the nodes' load.
        postgres.superuser("ALTER SYSTEM SET autovacuum = off", "ALTER SYSTEM SET log_statement = 'all'",
                "ALTER SYSTEM SET log_line_prefix = '%m [%c %u] '", "SELECT pg_reload_conf()");
        Poll.window(Duration.ofSeconds(3));
        long logFrom = java.nio.file.Files.size(postgres.serverLog());
        long before = scalar(sql);
        long started = System.nanoTime();
        Poll.window(Duration.ofSeconds(10));
        long after = scalar(sql);
        double seconds = (System.nanoTime() - started) / 1e9;
        postgres.superuser("ALTER SYSTEM RESET autovacuum", "ALTER SYSTEM RESET log_statement",
                "ALTER SYSTEM RESET log_line_prefix", "SELECT pg_reload_conf()");
        // The measuring query itself is one transaction.
        double perNode = (after - before - 1) / seconds / NAMES.size();
        Map<String, Integer> kinds = new TreeMap<>();
        int transactions = countTransactions(postgres.serverLog(), logFrom, kinds);
        Measured.say(String.format("ClusterIT: idle database load per node (3 idle nodes, heartbeat included, %.0f s):"
                + " %.3f transactions/s counted in the server's log, %.3f by pg_stat_database (goal at most 0.25;"
                + " Quartz 0.33); statements of the window: %s", seconds, transactions / seconds / NAMES.size(),
                perNode, kinds));
        assertTrue(after > before, "the nodes beat");
    }

    /**
     * The transactions of user linod in the server's log from {@code offset}: each COMMIT or ROLLBACK of an
     * explicit transaction, and each statement outside one. Counts the statements by their first words.
     */
    private static int countTransactions(Path log, long offset, Map<String, Integer> kinds) throws Exception {
        Map<String, Boolean> open = new HashMap<>();
        int transactions = 0;
        List<String> lines;
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            file.seek(offset);
            byte[] rest = new byte[(int) (file.length() - offset)];
            file.readFully(rest);
            lines = List.of(new String(rest, java.nio.charset.StandardCharsets.UTF_8).split("\n"));
        }
        java.util.regex.Pattern statement = java.util.regex.Pattern.compile(
                ".*\\[(\\S+) linod\\] LOG:  (?:statement|execute [^:]*): (.*)");
        for (String line : lines) {
            java.util.regex.Matcher m = statement.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String session = m.group(1);
            String text = m.group(2).trim();
            if (text.startsWith("SELECT xact_commit") || text.startsWith("SET application_name")) {
                // The test's own measuring connections.
                continue;
            }
            String kind = text.isEmpty() ? "(empty)" : String.join(" ", java.util.Arrays.stream(text.split("\\s+"))
                    .limit(3).toList());
            kinds.merge(kind, 1, Integer::sum);
            if (text.equalsIgnoreCase("BEGIN")) {
                open.put(session, true);
            } else if (text.equalsIgnoreCase("COMMIT") || text.equalsIgnoreCase("ROLLBACK")) {
                open.put(session, false);
                transactions++;
            } else if (!open.getOrDefault(session, false)) {
                transactions++;
            }
        }
        return transactions;
    }

    @Test
    @Order(2)
    void tasksEverySecondAreSharedWithoutDuplicatesOrGaps() {
        ServerProcess a = NODES.get("node-a");
        for (int i = 1; i <= EVERY_SECOND_TASKS; i++) {
            Http.Reply created = api(a, "POST", "tasks", "{\"procedure\":\"it_quick\",\"name\":\"every second " + i
                    + "\",\"recurrence\":{\"every\":1,\"unit\":\"secondly\"}}");
            assertEquals(201, created.status(), created.body());
            QUICK.add(((Number) created.object().get("id")).longValue());
        }
        long from = System.currentTimeMillis();
        Poll.until("15 s of runs every second", Duration.ofSeconds(90), () -> System.currentTimeMillis() - from
                > 15_000 ? true : null);
        for (long task : QUICK) {
            setDisabled(a, task, true);
        }
        Poll.until("no run of the tasks every second going on", Duration.ofSeconds(60),
                () -> scalar("SELECT COUNT(*) FROM linod_run WHERE outcome = 'RUNNING' AND " + in(QUICK)) == 0
                        ? true : null);
        List<Row> rows = runs(in(QUICK) + " AND start_time <= " + (from + 12_000));
        Map<String, Integer> perNode = new TreeMap<>();
        long maxGap = 0;
        int overlaps = 0;
        for (long task : QUICK) {
            List<Row> ofTask = rows.stream().filter(r -> r.task() == task).toList();
            assertTrue(ofTask.size() >= 9, "task " + task + " ran about every second: " + ofTask.size() + " runs");
            for (int i = 1; i < ofTask.size(); i++) {
                Row before = ofTask.get(i - 1);
                Row run = ofTask.get(i);
                if (run.start() < before.end()) {
                    overlaps++;
                }
                maxGap = Math.max(maxGap, run.start() - before.start());
            }
            ofTask.forEach(r -> perNode.merge(r.node(), 1, Integer::sum));
        }
        Measured.say("ClusterIT: " + rows.size() + " runs of " + EVERY_SECOND_TASKS + " tasks every second"
                + " in 12 s, by node " + perNode + ", longest gap between two starts of one task " + maxGap
                + " ms, " + overlaps + " overlapping runs");
        assertEquals(0, overlaps, "no task ran twice at once");
        assertTrue(maxGap <= 2000, "no gap longer than two intervals: " + maxGap + " ms");
        assertEquals(NAMES, List.copyOf(perNode.keySet()), "every node took work: " + perNode);
    }

    /** Run now through any node: the time from the request to the run's start, over every node. */
    @Test
    @Order(3)
    void runNowThroughAnyNodeStartsAtOnce() {
        ServerProcess a = NODES.get("node-a");
        Http.Reply created = api(a, "POST", "tasks",
                "{\"procedure\":\"it_quick\",\"name\":\"on request\",\"recurrence\":{\"every\":1,\"unit\":\"never\"}}");
        assertEquals(201, created.status(), created.body());
        long task = ((Number) created.object().get("id")).longValue();
        List<Long> latencies = new ArrayList<>();
        Map<String, Integer> ranOn = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            ServerProcess through = NODES.get(NAMES.get(i % NAMES.size()));
            long before = runs("task_id = " + task).size();
            long asked = System.currentTimeMillis();
            assertEquals(200, api(through, "POST", "tasks/" + task + "/run-now", null).status());
            Row run = Poll.until("run " + (i + 1) + " on request", Duration.ofSeconds(30), () -> {
                List<Row> all = runs("task_id = " + task + " AND outcome <> 'RUNNING'");
                return all.size() > before ? all.get(all.size() - 1) : null;
            });
            latencies.add(run.start() - asked);
            ranOn.merge(run.node(), 1, Integer::sum);
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        Measured.say("ClusterIT: Run now through any of the three nodes, request to start (ms): p50 "
                + sorted.get(sorted.size() / 2) + ", p99 (max of 30) " + sorted.get(sorted.size() - 1)
                + "; ran on " + ranOn);
    }

    @Test
    @Order(5)
    void killNineOfTheNodeRunningATaskFailsOver() throws Exception {
        ServerProcess a = NODES.get("node-a");
        Http.Reply created = api(a, "POST", "tasks",
                "{\"procedure\":\"it_long\",\"name\":\"long\",\"recurrence\":{\"every\":1,\"unit\":\"never\"}}");
        assertEquals(201, created.status(), created.body());
        longTask = ((Number) created.object().get("id")).longValue();
        assertEquals(200, api(a, "POST", "tasks/" + longTask + "/run-now", null).status());
        Row running = Poll.until("the long task running", Duration.ofSeconds(30), () -> runs("task_id = " + longTask
                + " AND outcome = 'RUNNING'").stream().findFirst().orElse(null));
        ServerProcess victim = NODES.get(running.node());
        long killedAt = System.currentTimeMillis();
        victim.kill();

        // Ids come in blocks per node: later runs need not have higher ids.
        Row again = Poll.until("the long task running again elsewhere", Duration.ofSeconds(90), () -> runs(
                "task_id = " + longTask + " AND id <> " + running.id() + " AND start_time >= " + running.start())
                .stream().findFirst().orElse(null));
        double seconds = (again.start() - killedAt) / 1000.0;
        Measured.say(String.format("ClusterIT: kill -9 of %s during a run: the task ran again on %s after %.1f s",
                running.node(), again.node(), seconds));
        assertNotEquals(running.node(), again.node());
        Row closed = runs("id = " + running.id()).get(0);
        assertEquals("INTERRUPTED", closed.outcome());
        try (Connection c = database()) {
            String log = Databases.rows(c, "linod_run WHERE id = " + running.id(), "captured_log", "id").get(0);
            assertTrue(log.contains("stopped answering"), log);
        }
        assertFalse(victim.lines().isEmpty());
    }

    @Test
    @Order(6)
    void sigtermOfANodeDuringARunLogsDoneAndFreesTheTask() throws Exception {
        Row running = Poll.until("the long task running", Duration.ofSeconds(60), () -> runs("task_id = " + longTask
                + " AND outcome = 'RUNNING'").stream().findFirst().orElse(null));
        ServerProcess node = NODES.get(running.node());
        long signalled = System.nanoTime();
        int exit = node.terminate(Duration.ofSeconds(90));
        Measured.say(String.format("ClusterIT: SIGTERM of %s during a run: ended after %.1f s with status %d",
                running.node(), (System.nanoTime() - signalled) / 1e9, exit));
        assertTrue(exit != -1, "the node ended:\n" + node.tail());
        assertTrue(node.awaitLine(l -> l.contains("Done"), Duration.ZERO).isPresent(), "Done:\n" + node.tail());
        assertEquals("INTERRUPTED", runs("id = " + running.id()).get(0).outcome());
        long runningRun = scalar("SELECT COALESCE(running_run, 0) FROM linod_system_task WHERE id = " + longTask);
        // Free, or already running again on another node (whose ids come from its own block: not always higher).
        assertTrue(runningRun == 0 || runningRun != running.id() && !runs("id = " + runningRun).get(0).node()
                .equals(running.node()), "the task is free (or already running again elsewhere): " + runningRun);
        assertEquals(0, scalar("SELECT COUNT(*) FROM linod_node WHERE name = '" + running.node() + "'"),
                "the node left");
    }

    /** Before the kill -9 and SIGTERM tests, so that all three nodes are up without starting two again. */
    @Test
    @Order(4)
    void afterPostgresWasAwayFor20SecondsEveryNodeRunsTasksAgain() throws Exception {
        // Any stopped node comes back with the same command (none, in the order the tests run).
        List<String> restarted = new ArrayList<>();
        for (Map.Entry<String, ServerProcess> e : NODES.entrySet()) {
            if (!e.getValue().isAlive()) {
                e.getValue().close();
                e.setValue(launch(e.getKey()));
                restarted.add(e.getKey());
            }
        }
        for (String name : restarted) {
            awaitReady(NODES.get(name));
        }
        ServerProcess a = NODES.get("node-a");
        long enabled = System.currentTimeMillis();
        for (long task : QUICK) {
            setDisabled(a, task, false);
        }
        Poll.until("runs again", Duration.ofSeconds(30), () -> scalar("SELECT COUNT(*) FROM linod_run WHERE "
                + in(QUICK) + " AND outcome = 'SUCCESS' AND start_time > " + enabled) > 0 ? true : null);
        Map<String, Integer> linesBefore = new HashMap<>();
        NODES.forEach((name, node) -> linesBefore.put(name, node.lines().size()));

        long stopped = System.currentTimeMillis();
        postgres.stop();
        Poll.window(Duration.ofSeconds(20));
        postgres.startAgain();
        long back = System.currentTimeMillis();

        // Each node on its own: ready again (its pool's connections work) and beating.
        Map<String, Double> ready = new TreeMap<>();
        for (String name : NAMES) {
            ServerProcess node = NODES.get(name);
            Poll.until(name + " ready after PostgreSQL is back", Duration.ofSeconds(60), () -> {
                try {
                    return Http.get(node, "health/ready", null, null).status() == 200 ? true : null;
                } catch (RuntimeException e) {
                    return null;
                }
            });
            ready.put(name, (System.currentTimeMillis() - back) / 1000.0);
        }
        // The cluster runs every task again, and every node takes part.
        Map<String, Double> firstRun = new TreeMap<>();
        for (String name : NAMES) {
            Row first = Poll.until(name + " runs a task after PostgreSQL is back", Duration.ofSeconds(90),
                    () -> runs(in(QUICK) + " AND node_name = '" + name + "' AND start_time > " + back).stream()
                            .findFirst().orElse(null));
            firstRun.put(name, (first.start() - back) / 1000.0);
        }
        for (long task : QUICK) {
            Row first = runs("task_id = " + task + " AND start_time > " + back).get(0);
            firstRun.merge("every task", (first.start() - back) / 1000.0, Math::max);
        }
        Measured.say("ClusterIT: PostgreSQL away for 20 s; seconds from its return until each node was"
                + " ready again: " + ready + "; until its first run: " + firstRun);
        for (long task : QUICK) {
            setDisabled(a, task, true);
        }
        Poll.until("no run left RUNNING", Duration.ofSeconds(60), () -> scalar(
                "SELECT COUNT(*) FROM linod_run WHERE outcome = 'RUNNING' AND " + in(QUICK)) == 0 ? true : null);
        for (String name : NAMES) {
            List<String> lines = NODES.get(name).lines();
            List<String> during = lines.subList(linesBefore.get(name), lines.size());
            // Log records (a record's first line starts with its time), not the lines of stack traces in them.
            List<String> records = during.stream().filter(l -> l.startsWith("[20") && !l.contains(" ended: ")
                    && !l.contains("lino.linod.procedure")).toList();
            // The logger's field, with or without the console's colour codes.
            List<String> linods = records.stream().filter(l -> l.matches(".*lino\\.linod(\u001b\\[0m)?\\] .*"))
                    .toList();
            List<String> whileAway = records.stream().filter(l -> at(l) > stopped + 12_000 && at(l) < back).toList();
            Measured.say("ClusterIT: " + name + " logged about the outage " + linods.size() + " records of"
                    + " linod's, " + records.size() + " records in all (" + during.size() + " lines with stack"
                    + " traces), " + whileAway.size() + " of them while it went on after the first 12 s");
            assertTrue(linods.size() <= 3, name + ": linod said it in a few records, not " + linods.size() + ":\n"
                    + String.join("\n", linods));
            assertEquals(List.of(), whileAway, name + ": nothing logged per retry");
            assertTrue(during.stream().anyMatch(l -> l.contains("The database answers again")), name + ":\n"
                    + NODES.get(name).tail());
        }
    }

    /** What linod 0.1.0 left in the database "upgraded", read before the node below starts on it. */
    private static Release010 upgradeBefore;

    /** A fourth node on the database "upgraded" (made by linod 0.1.0), started once; not waited for. */
    private static void startUpgradeNode() throws Exception {
        if (upgradeBefore != null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("upgraded"), PostgresProcess.USER,
                PostgresProcess.PASSWORD)) {
            upgradeBefore = Release010.load(c, "postgresql");
        }
        NODES.put("node-upgrade", launch("node-upgrade", "upgraded", Deployments.builtWar(), Map.of(
                "LINOD_ADMIN_PASSWORD", "Not-the-0.1.0-one", "LINOD_HISTORY_RETENTION", "P36500D")));
    }

    /** A second live node with a name already in use is refused at start-up, and the first goes on. */
    @Test
    @Order(7)
    void aSecondLiveNodeWithTheSameNameIsRefused() throws Exception {
        // The next test's node starts meanwhile (on a database of its own): the twin mostly waits for a lease.
        startUpgradeNode();
        // A node that the kill -9 and SIGTERM tests left alive.
        String name = NODES.entrySet().stream().filter(e -> NAMES.contains(e.getKey()) && e.getValue().isAlive())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        try (ServerProcess twin = launch(name)) {
            java.util.Optional<String> refusal = twin.awaitLine(l -> l.contains("another node named '" + name + "'"),
                    ServerProcess::isMicroReady, Duration.ofMinutes(3));
            assertTrue(refusal.isPresent(), "the twin is refused:\n" + twin.tail());
        }
        assertEquals(1, scalar("SELECT COUNT(*) FROM linod_node WHERE name = '" + name + "'"));
        assertEquals(200, Http.get(NODES.get(name), "health/ready", null, null).status());
    }

    /** Last: a fourth node, on a database that linod 0.1.0 made, takes it over with its rows. */
    @Test
    @Order(8)
    void aDatabaseOfRelease010IsTakenOverWithItsRowsAndTheSameSchema() throws Exception {
        startUpgradeNode();
        Release010 before = upgradeBefore;
        ServerProcess node = NODES.get("node-upgrade");
        awaitReady(node);
        assertTrue(node.awaitLine(l -> l.contains("Database schema migrated from version 0 to 4"),
                Duration.ofSeconds(5)).isPresent(), "the take-over is logged:\n" + node.tail());
        before.checkOverHttp(node);
        try (Connection upgraded = DriverManager.getConnection(postgres.jdbcUrl("upgraded"), PostgresProcess.USER,
                PostgresProcess.PASSWORD); Connection fresh = database()) {
            before.checkKept(upgraded);
            assertEquals(CHANGE_SETS, Databases.changeSets(upgraded));
            assertEquals(Databases.layout(fresh), Databases.layout(upgraded), "the same schema as a new database's");
        }
    }
}
