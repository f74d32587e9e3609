package lino.linod.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** BENCHMARKS.md and its chart (SVG written here, no tool needed), from the medians of the repetitions. */
final class Report {

    private Report() {
    }

    /** The machine and the sitting. */
    record Facts(String date, String cpu, int cores, String memory, String os, String java, String postgres,
            String loadBefore, String loadAfter, String took) {

        static Facts now() {
            return new Facts(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                    firstValue("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
                    firstValue("/proc/meminfo", "MemTotal"), firstValue("/etc/os-release", "PRETTY_NAME")
                            .replace("\"", ""),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), "?", load(), "?",
                    "?");
        }

        Facts withPostgres(String version) {
            return new Facts(date, cpu, cores, memory, os, java, version, loadBefore, loadAfter, took);
        }

        Facts finished(Duration duration) {
            return new Facts(date, cpu, cores, memory, os, java, postgres, loadBefore, load(),
                    duration.toMinutes() + " min " + duration.toSecondsPart() + " s");
        }

        private static String load() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " / " + parts[1] + " / " + parts[2];
            } catch (IOException e) {
                return "?";
            }
        }

        private static String firstValue(String file, String key) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    if (line.startsWith(key)) {
                        return line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).trim();
                    }
                }
            } catch (IOException e) {
                // Not Linux: leave it out.
            }
            return "?";
        }
    }

    private static int warmups;

    static void write(Path out, List<Bench.Result> results, Facts facts, int executions, int repetitions,
            int idleSeconds) throws IOException {
        warmups = Integer.getInteger("bench.warmups", 1);
        Files.createDirectories(out.resolve("bench"));
        Files.writeString(out.resolve("bench/chart.svg"), svg(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("BENCHMARKS.md"), markdown(results, facts, executions, repetitions,
                idleSeconds), StandardCharsets.UTF_8);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> f) {
        return median(runs.stream().map(t -> f.applyAsDouble(t)).toList());
    }

    private static <T> String range(List<T> runs, ToDoubleFunction<T> f, String format) {
        if (runs.size() < 2) {
            return "";
        }
        double min = runs.stream().mapToDouble(f).min().orElse(Double.NaN);
        double max = runs.stream().mapToDouble(f).max().orElse(Double.NaN);
        return " (" + fmt(format, min) + "–" + fmt(format, max) + ")";
    }

    private static String fmt(String format, double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }

    /** The reference column: db-scheduler tuned, when it was measured. */
    private static Bench.Result reference(List<Bench.Result> results) {
        return results.stream().filter(r -> r.name.endsWith("tuned")).findFirst().orElse(null);
    }

    static String markdown(List<Bench.Result> results, Facts facts, int executions, int repetitions,
            int idleSeconds) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark (`bench/`, issue #12); do not edit by hand. Rerun:\n\n```\n")
                .append("mvn -B -DskipTests install\nmvn -B -f bench/pom.xml verify\n```\n\n");
        md.append("Options (`-D…` on the second line): `bench.repetitions` (").append(repetitions)
                .append(" here), `bench.executions` (").append(executions).append(" here), `bench.idleSeconds` (")
                .append(idleSeconds).append(" here), `bench.warmups` (").append(warmups)
                .append(" here), `bench.systems` (`all`, or a list of `linod,quartz,")
                .append("dbs-defaults,dbs-tuned`).\n\n");
        md.append("Measured ").append(facts.date()).append(", in ").append(facts.took()).append(", on ")
                .append(facts.cores()).append(" cores (").append(facts.cpu()).append("), ").append(facts.memory())
                .append(" memory, ").append(facts.os()).append(", ").append(facts.java()).append(", PostgreSQL ")
                .append(facts.postgres()).append(" on the same machine. Load average (1 / 5 / 15 min) before: ")
                .append(facts.loadBefore()).append(", after: ").append(facts.loadAfter())
                .append(". **A shared machine**: other builds may have run at the same time, so compare the")
                .append(" columns of one sitting (they were measured side by side), not figures of different")
                .append(" days.\n\n");
        md.append("Medians of ").append(repetitions).append(" repetitions (range in brackets), each system after ")
                .append(warmups).append(" warm-up repetition(s) of W1 and of W4 that are not counted.\n\n");
        md.append("![chart](bench/chart.svg)\n\n");

        md.append("| workload |");
        results.forEach(r -> md.append(' ').append(r.name).append(" |"));
        md.append("\n|---|");
        results.forEach(r -> md.append("---:|"));
        md.append('\n');
        row(md, results, "W1: " + String.format(Locale.ROOT, "%,d", executions)
                + " executions due now, 1 node (executions/s)", r -> cell(r.w1, Bench.Throughput::perSecond, "%.0f"));
        row(md, results, "W1: first start after the commit (ms)", r -> cell(r.w1, t -> t.pickupMs(), "%.0f"));
        row(md, results, "database transactions per execution (W1)",
                r -> cell(r.w1, Bench.Throughput::transactionsPerExecution, "%.2f"));
        row(md, results, "W2: 500 executions due every 20 ms, lateness p50 / p99 (ms)",
                r -> cell(r.w2, Bench.Lateness::p50, "%.0f") + " / " + cell(r.w2, Bench.Lateness::p99, "%.0f"));
        row(md, results, "W3: idle database load, " + idleSeconds + " s (transactions/s)",
                r -> fmt("%.2f", r.idle));
        row(md, results, "W4: 2 nodes, " + String.format(Locale.ROOT, "%,d", executions)
                + " due now (executions/s)", r -> cell(r.w4, Bench.Throughput::perSecond, "%.0f"));
        row(md, results, "W4: two nodes ÷ one node", r -> fmt("%.2f×", median(r.w4, Bench.Throughput::perSecond)
                / median(r.w1, Bench.Throughput::perSecond)));
        row(md, results, "W4: share of the executions by node (last repetition)",
                r -> r.w4.isEmpty() ? "–" : r.w4.get(r.w4.size() - 1).perNode().toString().replace("=", ": "));
        row(md, results, "database transactions per execution (W4)",
                r -> cell(r.w4, Bench.Throughput::transactionsPerExecution, "%.2f"));
        row(md, results, "each node held to a core of its own (taskset): 1 node / 2 nodes (executions/s)",
                r -> r.w1Pinned.isEmpty() ? "–" : cell(r.w1Pinned, Bench.Throughput::perSecond, "%.0f") + " / "
                        + cell(r.w4Pinned, Bench.Throughput::perSecond, "%.0f"));
        row(md, results, "each node held to a core of its own: two nodes ÷ one node",
                r -> r.w1Pinned.isEmpty() ? "–" : fmt("%.2f×", median(r.w4Pinned, Bench.Throughput::perSecond)
                        / median(r.w1Pinned, Bench.Throughput::perSecond)));
        row(md, results, "Run now → start, p50 / p99 (ms, " + 50 + " requests)",
                r -> r.runNow == null ? "–" : fmt("%.0f", r.runNow.p50()) + " / " + fmt("%.0f", r.runNow.p99()));
        row(md, results, "100,000 tasks: `GET /api/tasks` first page, p50 / p99 (ms)",
                r -> r.scale == null ? "–" : fmt("%.1f", r.scale.restFirstPage().p50()) + " / "
                        + fmt("%.1f", r.scale.restFirstPage().p99()));
        row(md, results, "100,000 tasks: tasks page (`tasks.xhtml`), p50 / p99 (ms)",
                r -> r.scale == null ? "–" : fmt("%.1f", r.scale.tasksPage().p50()) + " / "
                        + fmt("%.1f", r.scale.tasksPage().p99()));
        row(md, results, "100,000 tasks: one task's page (`task.xhtml`), p50 / p99 (ms)",
                r -> r.scale == null ? "–" : fmt("%.1f", r.scale.taskPage().p50()) + " / "
                        + fmt("%.1f", r.scale.taskPage().p99()));
        row(md, results, "100,000 tasks: idle CPU of the node (% of one core)",
                r -> r.scale == null ? "–" : fmt("%.2f", r.scale.idleCpuPercent()));
        row(md, results, "duplicates, all workloads (must be 0)", r -> String.valueOf(
                r.w1.stream().mapToInt(Bench.Throughput::duplicates).sum()
                        + r.w4.stream().mapToInt(Bench.Throughput::duplicates).sum()
                        + r.w1Pinned.stream().mapToInt(Bench.Throughput::duplicates).sum()
                        + r.w4Pinned.stream().mapToInt(Bench.Throughput::duplicates).sum()
                        + r.w2.stream().mapToInt(Bench.Lateness::duplicates).sum()));
        row(md, results, "lost executions, all workloads (must be 0)", r -> String.valueOf(
                r.w1.stream().mapToInt(Bench.Throughput::lost).sum()
                        + r.w4.stream().mapToInt(Bench.Throughput::lost).sum()
                        + r.w1Pinned.stream().mapToInt(Bench.Throughput::lost).sum()
                        + r.w4Pinned.stream().mapToInt(Bench.Throughput::lost).sum()
                        + r.w2.stream().mapToInt(Bench.Lateness::lost).sum()));

        Bench.Result ref = reference(results);
        if (ref != null) {
            md.append("\n### Ratios to db-scheduler tuned (same sitting)\n\n");
            md.append("Throughput: the system's executions/s ÷ db-scheduler tuned's (above 1 is faster). Costs")
                    .append(" (transactions, lateness, idle load): the system's ÷ db-scheduler tuned's (below 1 is")
                    .append(" cheaper or more punctual).\n\n| ratio |");
            results.forEach(r -> md.append(' ').append(r.name).append(" |"));
            md.append("\n|---|");
            results.forEach(r -> md.append("---:|"));
            md.append('\n');
            ratio(md, results, ref, "W1 executions/s", r -> median(r.w1, Bench.Throughput::perSecond));
            ratio(md, results, ref, "transactions per execution (W1)",
                    r -> median(r.w1, Bench.Throughput::transactionsPerExecution));
            ratio(md, results, ref, "W2 lateness p99", r -> median(r.w2, Bench.Lateness::p99));
            ratio(md, results, ref, "W3 idle transactions/s", r -> r.idle);
            ratio(md, results, ref, "W4 executions/s", r -> median(r.w4, Bench.Throughput::perSecond));
        }

        md.append("\n## What is measured, and how\n\n");
        md.append("""
                One PostgreSQL 15 of the benchmark's own (`initdb` into a temporary directory, 127.0.0.1, a free \
                port, autovacuum off so that the counted transactions are the schedulers'; the benchmark runs \
                `VACUUM ANALYZE` before each throughput repetition). Each system gets a fresh database for one \
                node and another for two nodes. The job body is the same trivial one everywhere: count, and \
                note the execution (linod: `BenchProcedure` counts, and linod records the run in `LINOD_RUN` \
                as it always does; Quartz and db-scheduler: the body notes key, due instant, start and end in \
                memory).

                - **linod**: the built Payara Micro WAR (`war/target/*-micro.war`) without the demo, plus \
                `BenchProcedure`, started as `java -jar payara-micro.jar --deploy …` per node (as the README's \
                run command, `LINOD_JDBC_*`, the PostgreSQL driver by `--addlibs`, `LINOD_MAX_TASKS=100000`, \
                `LINOD_EXECUTOR_SIZE=10`: as many runs at once as the others' 10 threads), its settings otherwise \
                default. Due executions are system tasks copied by SQL \
                from the bench procedure's own task, with `NEXT_RUN_TIME` set to the due instant and recurrence \
                "never" (so each runs once), in one transaction ending with `NOTIFY linod_tasks`, as a change \
                through linod's API does. Start and end of each execution are `START_TIME` and `END_TIME` of its \
                run in `LINOD_RUN`; a task with two runs is a duplicate.
                - **Quartz 2.5.0**: JDBC job store (`JobStoreTX`), clustered, `PostgreSQLDelegate`, HikariCP \
                (12 connections), 10 threads (its shipped default), tables from its own `tables_postgres.sql`; \
                misfire threshold raised to 10 min so that triggers due now fire as due. Executions: one-shot \
                simple triggers on one durable job, stored by one `scheduleJobs` call (one job-store \
                transaction). A trigger fired twice is a duplicate.
                - **db-scheduler 16.0.0**: one `OneTimeTask`, HikariCP (10 connections). *Defaults*: 10 threads, \
                polling every 10 s, fetch-and-lock-on-execute. *Tuned*: polling every 100 ms, \
                `pollUsingLockAndFetch(0.5, 1.0)`. Executions: rows of `scheduled_tasks` inserted in one \
                transaction. An instance executed twice is a duplicate.
                - **Two nodes**: linod, two Payara Micro processes; Quartz and db-scheduler, two scheduler \
                instances (own threads, own pool, own instance name) in the benchmark's JVM.

                Workloads:

                - **W1 / W4**: with the nodes running and idle, the executions, all due at the same instant \
                (now), are committed in one transaction. Executions/s = executions ÷ (end of the last body − \
                commit), so the time until a node notices them counts (shown as "first start after the commit"; \
                db-scheduler's default 10 s polling shows there).
                - **Each node held to a core of its own** (linod only): W1 again with the node's process held to \
                core 0, and W4 with the two nodes' processes held to cores 0 and 1 (`taskset -c`); PostgreSQL and \
                the benchmark run on any core. On 2 cores one node alone already keeps both busy (its threads \
                and PostgreSQL's), so the plain W4 measures two nodes sharing one machine's CPU, which cannot be \
                faster than one node using all of it; held to a core each, the nodes stand for two machines, and \
                two nodes ÷ one node shows what a second node adds (PostgreSQL still shares the two cores).
                - **Transactions per execution**: `xact_commit + xact_rollback` of the database in \
                `pg_stat_database` (read from another database, so the reading is not counted) before the \
                load and 11 s after the last end (PostgreSQL 15 reports a backend's counts up to 10 s late), \
                minus the benchmark's own transactions (the load, linod's completion polls), minus the idle rate \
                (W3) times those 11 s, ÷ executions.
                - **W2**: 500 executions due every 20 ms from 3 s after their commit; lateness = start of the body \
                (linod: the run's start time) − due instant; nearest-rank p50 and p99.
                - **W3**: transactions/s in the system's database over the window, one node started and idle for \
                15 s before, nothing due.
                - **Run now → start** (linod only): a task that is not due; `POST /linod/api/tasks/{id}/run-now` \
                as admin, then the time from sending the request to the run's `START_TIME` in `LINOD_RUN` \
                (after 500 reads of the task through the API and 100 Run now requests that warm the path: on 2 \
                cores the JIT is still compiling it after the first few dozen).
                - **100,000 tasks** (linod only, after Run now, one node): the site is topped up by SQL to \
                100,000 system tasks that are not due (the runs of W1 and W2 stay); after 15 s, the node's \
                process CPU time over the idle window (W3's length) ÷ that window; then, as admin, \
                `GET /linod/api/tasks` (first page, default size) over HTTP Basic, and with a page sign-in's \
                session the tasks page `tasks.xhtml` and one task's page `task.xhtml?id=…`: 10 warm-up requests, \
                then 30 timed ones each, one after the other, from sending to the whole body read; each reply is \
                checked (the list's `total`, the page's title, the task's name).
                - **Correctness**, every workload: lost = due keys that never ran (after waiting up to 15 min); \
                duplicates = executions beyond the first of one key, also those that turn up during the 11 s \
                after the end.
                """);

        md.append("\n## Every repetition\n\n");
        for (Bench.Result r : results) {
            md.append("**").append(r.name).append("**\n\n");
            r.w1.forEach(t -> md.append("- W1: ").append(t).append('\n'));
            r.w2.forEach(l -> md.append("- W2: ").append(l).append('\n'));
            md.append("- W3: ").append(fmt("%.3f", r.idle)).append(" transactions/s\n");
            r.w4.forEach(t -> md.append("- W4: ").append(t).append('\n'));
            r.w1Pinned.forEach(t -> md.append("- W1, the node held to one core: ").append(t).append('\n'));
            r.w4Pinned.forEach(t -> md.append("- W4, each node held to a core of its own: ").append(t).append('\n'));
            if (r.runNow != null) {
                md.append("- Run now: ").append(r.runNow).append("; ").append(r.runNowParts).append('\n');
            }
            if (r.scale != null) {
                md.append("- ").append(r.scale).append('\n');
            }
            r.failures.forEach(f -> md.append("- **failed**: ").append(f).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static <T> String cell(List<T> runs, ToDoubleFunction<T> f, String format) {
        return runs.isEmpty() ? "–" : fmt(format, median(runs, f)) + range(runs, f, format);
    }

    private static void row(StringBuilder md, List<Bench.Result> results, String label,
            java.util.function.Function<Bench.Result, String> cell) {
        md.append("| ").append(label).append(" |");
        results.forEach(r -> md.append(' ').append(cell.apply(r)).append(" |"));
        md.append('\n');
    }

    private static void ratio(StringBuilder md, List<Bench.Result> results, Bench.Result ref, String label,
            ToDoubleFunction<Bench.Result> f) {
        double base = f.applyAsDouble(ref);
        row(md, results, label, r -> fmt("%.2f", f.applyAsDouble(r) / base));
    }

    /** Horizontal bars, one panel per figure, one bar per system; plain SVG. */
    static String svg(List<Bench.Result> results) {
        record Panel(String title, ToDoubleFunction<Bench.Result> value, String format) {
        }
        List<Panel> panels = List.of(
                new Panel("W1: executions/s, 1 node (higher is better)",
                        r -> median(r.w1, Bench.Throughput::perSecond), "%.0f"),
                new Panel("W4: executions/s, 2 nodes (higher is better)",
                        r -> median(r.w4, Bench.Throughput::perSecond), "%.0f"),
                new Panel("Transactions per execution, W1 (lower is better)",
                        r -> median(r.w1, Bench.Throughput::transactionsPerExecution), "%.2f"),
                new Panel("W2: lateness p99, ms (lower is better)", r -> median(r.w2, Bench.Lateness::p99), "%.0f"),
                new Panel("W3: idle transactions/s (lower is better)", r -> r.idle, "%.2f"));
        String[] colours = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};
        int width = 760;
        int labelWidth = 220;
        int bar = 18;
        int panelHeight = 34 + results.size() * (bar + 6);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(panels.size() * panelHeight + 10).append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        int y = 10;
        for (Panel p : panels) {
            svg.append("<text x=\"10\" y=\"").append(y + 14).append("\" font-weight=\"bold\">").append(escape(p.title))
                    .append("</text>\n");
            double max = results.stream().mapToDouble(p.value).filter(v -> !Double.isNaN(v)).max().orElse(1);
            int by = y + 24;
            for (int i = 0; i < results.size(); i++) {
                Bench.Result r = results.get(i);
                double v = p.value.applyAsDouble(r);
                int length = Double.isNaN(v) || max <= 0 ? 0 : (int) Math.round(v / max * (width - labelWidth - 90));
                svg.append("<text x=\"10\" y=\"").append(by + 13).append("\">").append(escape(r.name))
                        .append("</text>\n");
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(by).append("\" width=\"")
                        .append(Math.max(length, 1)).append("\" height=\"").append(bar).append("\" fill=\"")
                        .append(colours[i % colours.length]).append("\"/>\n");
                svg.append("<text x=\"").append(labelWidth + Math.max(length, 1) + 5).append("\" y=\"").append(by + 13)
                        .append("\">").append(fmt(p.format, v)).append("</text>\n");
                by += bar + 6;
            }
            y += panelHeight;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
