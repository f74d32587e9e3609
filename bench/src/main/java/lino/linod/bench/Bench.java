package lino.linod.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The benchmark's one command: starts PostgreSQL, then for each system under test (a fresh database each, one node
 * and then two) measures W3 (idle load), W1 (executions due now, one node) with transactions per execution, W2
 * (lateness), for linod Run now, and W4 (executions due now, two nodes); writes BENCHMARKS.md and the chart.
 */
public final class Bench {

    /** A backend reports its transaction counts at most about 10 s late (see {@link Postgres#transactions}). */
    private static final Duration STATS_LAG = Duration.ofSeconds(11);
    private static final int LATENESS_EXECUTIONS = 500;
    private static final long LATENESS_SPACING_MS = 20;
    private static final int RUN_NOW_SAMPLES = 50;
    private static final int SCALE_TASKS = 100_000;

    private final Postgres postgres;
    private final int executions = Integer.getInteger("bench.executions", 10_000);
    private final int repetitions = Integer.getInteger("bench.repetitions", 3);
    private final int idleSeconds = Integer.getInteger("bench.idleSeconds", 60);
    /** Repetitions run first and not counted, for every system alike: the JIT compiles the hot paths meanwhile. */
    private final int warmups = Integer.getInteger("bench.warmups", 1);
    private long nextKey = 1_000_000_000L;
    /**
     * For working on one figure: {@code -Dbench.only=w2,runnow} measures only those (of w1, w2, runnow, scale, w4,
     * pinned; W3 always) on one node, prints them and writes no report.
     */
    private static final Set<String> ONLY = System.getProperty("bench.only", "").isBlank() ? Set.of()
            : Set.of(System.getProperty("bench.only").split(","));

    private static boolean wanted(String workload) {
        return ONLY.isEmpty() || ONLY.contains(workload);
    }

    private Bench(Postgres postgres) {
        this.postgres = postgres;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.work", "target/bench"));
        Files.createDirectories(work);
        Path out = Path.of(System.getProperty("bench.out", ".."));
        String systems = System.getProperty("bench.systems", "all");
        Report.Facts facts = Report.Facts.now();
        long started = System.nanoTime();
        List<Result> results = new ArrayList<>();
        try (Postgres postgres = Postgres.start(Path.of(System.getProperty("bench.postgresBin",
                "/usr/lib/postgresql/15/bin")))) {
            facts = facts.withPostgres(postgres.version());
            Bench bench = new Bench(postgres);
            Map<String, Supplier<Contender>> all = new java.util.LinkedHashMap<>();
            all.put("linod", () -> new Linod(postgres, work, false));
            all.put("quartz", () -> new QuartzScheduler(postgres));
            all.put("dbs-defaults", () -> new DbScheduler(postgres, false));
            all.put("dbs-tuned", () -> new DbScheduler(postgres, true));
            for (Map.Entry<String, Supplier<Contender>> e : all.entrySet()) {
                if (systems.equals("all") || Arrays.asList(systems.split(",")).contains(e.getKey())) {
                    Result result = bench.measure(e.getValue());
                    if (e.getKey().equals("linod") && wanted("pinned")) {
                        bench.pinned(() -> new Linod(postgres, work, true), result);
                    }
                    results.add(result);
                }
            }
        }
        facts = facts.finished(Duration.ofNanos(System.nanoTime() - started));
        if (!ONLY.isEmpty()) {
            System.out.println("Only " + ONLY + " measured: no report written.");
            return;
        }
        Report.write(out, results, facts, Integer.getInteger("bench.executions", 10_000),
                Integer.getInteger("bench.repetitions", 3), Integer.getInteger("bench.idleSeconds", 60));
        System.out.println("Written " + out.resolve("BENCHMARKS.md").normalize() + " and "
                + out.resolve("bench/chart.svg").normalize());
    }

    private Result measure(Supplier<Contender> make) {
        Result result = null;
        try (Contender one = make.get()) {
            result = new Result(one.name());
            say(one.name() + ": starting 1 node");
            one.start(1);
            result.idle = idle(one);
            say(String.format("  W3 idle: %.2f transactions/s", result.idle));
            for (int i = 0; i < warmups && wanted("w1"); i++) {
                say("  W1 warm-up: " + throughput(one, result.idle));
            }
            for (int i = 0; i < repetitions && wanted("w1"); i++) {
                Throughput t = throughput(one, result.idle);
                result.w1.add(t);
                say("  W1 " + (i + 1) + ": " + t);
            }
            for (int i = 0; i < repetitions && wanted("w2"); i++) {
                Lateness l = lateness(one);
                result.w2.add(l);
                say("  W2 " + (i + 1) + ": " + l);
            }
            if (one instanceof Linod linod && wanted("runnow")) {
                List<Long> latencies = linod.runNow(nextKey++, RUN_NOW_SAMPLES);
                result.runNow = new Lateness(percentile(latencies, 0.5), percentile(latencies, 0.99), 0, 0);
                result.runNowParts = linod.runNowParts();
                say("  Run now: " + result.runNow + "; " + result.runNowParts);
            }
            if (one instanceof Linod linod && wanted("scale")) {
                result.scale = linod.scale(SCALE_TASKS, nextKey, idleSeconds);
                nextKey += SCALE_TASKS;
                say("  " + result.scale);
            }
        } catch (Exception e) {
            e.printStackTrace();
            if (result != null) {
                result.failures.add("1 node: " + e);
            }
        }
        if (result == null) {
            return new Result("?");
        }
        if (!wanted("w4")) {
            return result;
        }
        try (Contender two = make.get()) {
            say(two.name() + ": starting 2 nodes");
            two.start(2);
            Thread.sleep(5_000);
            double idle = idle(two, 10);
            for (int i = 0; i < warmups; i++) {
                say("  W4 warm-up: " + throughput(two, idle));
            }
            for (int i = 0; i < repetitions; i++) {
                Throughput t = throughput(two, idle);
                result.w4.add(t);
                say("  W4 " + (i + 1) + ": " + t);
            }
        } catch (Exception e) {
            e.printStackTrace();
            result.failures.add("2 nodes: " + e);
        }
        return result;
    }

    /**
     * linod only: W1 with its one node held to one core, and W4 with each of two nodes held to a core of its own
     * ({@code taskset}), PostgreSQL and the benchmark on any core. On a 2-core machine one node alone already uses
     * both cores (with PostgreSQL), so W4 above measures two nodes sharing one machine's CPU; here each node has
     * the CPU of a machine of its own, as far as one 2-core machine can show it.
     */
    private void pinned(Supplier<Contender> make, Result result) {
        for (int nodes = 1; nodes <= 2; nodes++) {
            List<Throughput> into = nodes == 1 ? result.w1Pinned : result.w4Pinned;
            try (Contender c = make.get()) {
                say(c.name() + ": starting " + nodes + " node(s), each held to a core of its own");
                c.start(nodes);
                Thread.sleep(5_000);
                double idle = idle(c, 10);
                for (int i = 0; i < warmups; i++) {
                    say("  warm-up, " + nodes + " pinned node(s): " + throughput(c, idle));
                }
                for (int i = 0; i < repetitions; i++) {
                    Throughput t = throughput(c, idle);
                    into.add(t);
                    say("  " + nodes + " pinned node(s) " + (i + 1) + ": " + t);
                }
            } catch (Exception e) {
                e.printStackTrace();
                result.failures.add(nodes + " pinned node(s): " + e);
            }
        }
    }

    private double idle(Contender c) throws InterruptedException {
        Thread.sleep(15_000);
        return idle(c, idleSeconds);
    }

    /** W3: transactions per second in the database while nothing is due. */
    private double idle(Contender c, int seconds) throws InterruptedException {
        long own = c.ownTransactions();
        long before = postgres.transactions(c.database());
        long from = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long after = postgres.transactions(c.database());
        double elapsed = (System.nanoTime() - from) / 1e9;
        return (after - before - (c.ownTransactions() - own)) / elapsed;
    }

    /** W1 and W4: {@link #executions} due now, stored in one transaction; from its commit to the last end. */
    private Throughput throughput(Contender c, double idle) throws Exception {
        postgres.vacuum(c.database());
        Thread.sleep(1_500);
        long before = postgres.transactions(c.database());
        long own = c.ownTransactions();
        long[] keys = keys(executions);
        long[] due = new long[executions];
        Arrays.fill(due, System.currentTimeMillis());
        long commit = c.load(keys, due);
        long deadline = System.currentTimeMillis() + 900_000;
        while (c.finished(keys[0], keys[keys.length - 1]) < executions && System.currentTimeMillis() < deadline) {
            Thread.sleep(c instanceof Linod ? 250 : 20);
        }
        List<Execution> seen = c.executions(keys[0], keys[keys.length - 1]);
        Thread.sleep(STATS_LAG.toMillis());
        long after = postgres.transactions(c.database());
        long read = System.currentTimeMillis();
        long ownDelta = c.ownTransactions() - own;
        int late = c.finished(keys[0], keys[keys.length - 1]) - seen.size();
        long firstStart = seen.stream().mapToLong(Execution::start).min().orElse(commit);
        long lastEnd = seen.stream().mapToLong(Execution::end).max().orElse(commit);
        Set<Long> distinct = new HashSet<>();
        Map<String, Integer> perNode = new TreeMap<>();
        for (Execution e : seen) {
            distinct.add(e.key());
            perNode.merge(e.node(), 1, Integer::sum);
        }
        double makespan = Math.max(1, lastEnd - commit) / 1000.0;
        double tail = Math.max(0, read - lastEnd) / 1000.0;
        double transactions = (after - before - ownDelta - idle * tail) / executions;
        return new Throughput(distinct.size() / makespan, firstStart - commit, transactions,
                seen.size() - distinct.size() + Math.max(0, late), executions - distinct.size(), perNode);
    }

    /** W2: executions due every 20 ms from 3 s after their commit; lateness = start of the body − due. */
    private Lateness lateness(Contender c) throws Exception {
        long[] keys = keys(LATENESS_EXECUTIONS);
        long[] due = new long[keys.length];
        long base = System.currentTimeMillis() + 3_000;
        Map<Long, Long> dueOf = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            due[i] = base + i * LATENESS_SPACING_MS;
            dueOf.put(keys[i], due[i]);
        }
        long commit = c.load(keys, due);
        if (commit > base) {
            System.err.println("W2: the load committed after the first due instant");
        }
        long last = due[due.length - 1];
        while (c.finished(keys[0], keys[keys.length - 1]) < keys.length
                && System.currentTimeMillis() < last + 60_000) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);
        List<Execution> seen = c.executions(keys[0], keys[keys.length - 1]);
        Map<Long, Long> firstStart = new HashMap<>();
        for (Execution e : seen) {
            firstStart.merge(e.key(), e.start(), Math::min);
        }
        List<Long> lateness = firstStart.entrySet().stream().map(e -> e.getValue() - dueOf.get(e.getKey()))
                .toList();
        return new Lateness(percentile(lateness, 0.5), percentile(lateness, 0.99),
                seen.size() - firstStart.size(), keys.length - firstStart.size());
    }

    private long[] keys(int count) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = nextKey++;
        }
        return keys;
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static void say(String line) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }

    /** W1/W4 of one repetition. */
    record Throughput(double perSecond, long pickupMs, double transactionsPerExecution, int duplicates, int lost,
            Map<String, Integer> perNode) {
        @Override
        public String toString() {
            return String.format("%.0f executions/s, first start %d ms after the commit, %.2f transactions per"
                    + " execution, %d duplicates, %d lost, by node %s", perSecond, pickupMs,
                    transactionsPerExecution, duplicates, lost, perNode);
        }
    }

    /** W2 (or Run now) of one repetition, in ms. */
    record Lateness(double p50, double p99, int duplicates, int lost) {
        @Override
        public String toString() {
            return String.format("p50 %.0f ms, p99 %.0f ms, %d duplicates, %d lost", p50, p99, duplicates, lost);
        }
    }

    /** Everything measured of one system. */
    static final class Result {
        final String name;
        double idle = Double.NaN;
        final List<Throughput> w1 = new ArrayList<>();
        final List<Lateness> w2 = new ArrayList<>();
        final List<Throughput> w4 = new ArrayList<>();
        /** linod: W1 with the node held to one core, W4 with each node held to a core of its own. */
        final List<Throughput> w1Pinned = new ArrayList<>();
        final List<Throughput> w4Pinned = new ArrayList<>();
        Lateness runNow;
        String runNowParts;
        Linod.Scale scale;
        final List<String> failures = new ArrayList<>();

        Result(String name) {
            this.name = name;
        }
    }
}
