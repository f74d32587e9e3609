package lino.linod.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * linod as an operator runs it: the built Payara Micro WAR ({@code war/target/*-micro.war}, without the demo,
 * plus {@link BenchProcedure}) started with {@code java -jar payara-micro.jar}, one process per node, on
 * PostgreSQL with the {@code LINOD_JDBC_*} settings and the driver by {@code --addlibs}. Due executions are system
 * tasks copied by SQL from the bench procedure's own task (every column as linod wrote it, whatever columns the
 * schema has), with {@code NEXT_RUN_TIME} set, in one transaction that ends with {@code NOTIFY linod_tasks} as any
 * change through linod does. What ran is read from {@code LINOD_RUN}.
 */
final class Linod implements Contender {

    static final String ADMIN_PASSWORD = "Bench-admin-1";
    private static final String PROCEDURE = "bench_noop";

    private final Postgres postgres;
    /** Each node held to one core ({@code taskset -c i}): node i on core i modulo the cores. */
    private final boolean pinned;
    private final Path work;
    private final AtomicLong own = new AtomicLong();
    private final List<Process> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    // HTTP/1.1 as a browser or curl speaks it to a plain-text port (the default would offer an upgrade to h2c).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String database;
    private long template;
    private int seqno = 1000;
    private List<String> columns;

    Linod(Postgres postgres, Path work, boolean pinned) {
        this.pinned = pinned;
        this.postgres = postgres;
        this.work = work;
    }

    @Override
    public String name() {
        return "linod";
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public void start(int count) throws Exception {
        database = "linod_" + count + "_nodes" + (pinned ? "_pinned" : "");
        postgres.createDatabase(database);
        File war = benchWar();
        for (int i = 0; i < count; i++) {
            nodes.add(launch(war, "bench-" + (char) ('a' + i)));
        }
        for (int i = 0; i < count; i++) {
            awaitReady(i);
        }
        template = poll("the task of " + PROCEDURE, Duration.ofMinutes(2),
                "SELECT id FROM linod_system_task WHERE procedure_name = '" + PROCEDURE + "'");
        try (Connection c = connect(); ResultSet r = c.getMetaData().getColumns(null, null, "linod_system_task",
                null)) {
            columns = new ArrayList<>();
            while (r.next()) {
                columns.add(r.getString("COLUMN_NAME").toLowerCase());
            }
        }
    }

    private Process launch(File war, String node) throws IOException {
        int port = Postgres.freePort();
        ports.add(port);
        Path dir = Files.createDirectories(work.resolve(database + "-" + node));
        List<String> command = new ArrayList<>();
        if (pinned) {
            command.addAll(List.of("taskset", "-c",
                    String.valueOf((nodes.size()) % Runtime.getRuntime().availableProcessors())));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir, "-jar", System.getProperty("bench.microJar"), "--nohazelcast", "--port",
                String.valueOf(port), "--contextroot", "linod", "--addlibs",
                System.getProperty("bench.postgresqlJar"), "--prebootcommandfile",
                new File(System.getProperty("bench.preboot")).getAbsolutePath(), "--deploy", war.getPath()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("LINOD_JDBC_URL", postgres.jdbcUrl(database));
        env.put("LINOD_JDBC_USER", Postgres.USER);
        env.put("LINOD_JDBC_PASSWORD", Postgres.PASSWORD);
        env.put("LINOD_JDBC_DRIVER", "org.postgresql.Driver");
        env.put("LINOD_NODE", node);
        env.put("LINOD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("LINOD_MAX_TASKS", "100000");
        // As many runs at once as the others have threads (10), not linod's default 4.
        env.put("LINOD_EXECUTOR_SIZE", "10");
        return builder.start();
    }

    private void awaitReady(int i) throws Exception {
        Path log = work.resolve(database + "-bench-" + (char) ('a' + i)).resolve("server.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (text.lines().anyMatch(l -> l.contains("Payara Micro") && l.contains("ready"))) {
                return;
            }
            if (!nodes.get(i).isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Payara Micro did not get ready; see " + log);
    }

    /** The built WAR without the demo, plus the bench procedure, in the work directory. */
    private File benchWar() throws IOException {
        File built = new File(System.getProperty("bench.war"));
        if (!built.isFile()) {
            throw new IllegalStateException("Build linod first (mvn -B -DskipTests install): no " + built);
        }
        File file = work.resolve("linod-bench.war").toFile();
        // By name: loading the class here would need linod's API on the benchmark's class path.
        String procedure = "lino/linod/bench/BenchProcedure.class";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(built.toPath()));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file.toPath()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("WEB-INF/lib/linod-ejb-demo.jar")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("WEB-INF/classes/" + procedure));
            try (InputStream bytes = Linod.class.getClassLoader().getResourceAsStream(procedure)) {
                bytes.transferTo(out);
            }
            out.closeEntry();
        }
        return file;
    }

    private Connection connect() throws java.sql.SQLException {
        return postgres.connect(database);
    }

    private long poll(String what, Duration timeout, String sql) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long found = scalar(sql);
            if (found != null) {
                return found;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("No " + what + " after " + timeout);
    }

    private Long scalar(String sql) throws java.sql.SQLException {
        own.incrementAndGet();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : null;
        }
    }

    /** Copies the bench procedure's task once per key: id = key, due at {@code due[i]} (null: not scheduled). */
    private long insertTasks(long[] keys, long[] due) throws Exception {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("id", "?");
        set.put("name", "?");
        set.put("seqno", "?");
        set.put("next_run_time", "?");
        set.put("disabled", "FALSE");
        set.put("log_level", "'WARNING'");
        set.put("requested_at", "NULL");
        set.put("requested_by", "NULL");
        set.put("running_run", "NULL");
        set.put("runs_count", "0");
        set.put("last_start_time", "NULL");
        set.put("last_end_time", "NULL");
        set.put("message", "NULL");
        List<String> values = columns.stream().map(c -> set.getOrDefault(c, c)).toList();
        String sql = "INSERT INTO linod_system_task (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM linod_system_task WHERE id = " + template;
        List<String> order = columns.stream().filter(c -> "?".equals(set.get(c))).toList();
        own.incrementAndGet();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (int i = 0; i < keys.length; i++) {
                    int p = 1;
                    for (String column : order) {
                        switch (column) {
                            case "id" -> insert.setLong(p++, keys[i]);
                            case "name" -> insert.setString(p++, "bench " + keys[i]);
                            case "seqno" -> insert.setInt(p++, ++seqno);
                            default -> {
                                if (due == null) {
                                    insert.setNull(p++, java.sql.Types.BIGINT);
                                } else {
                                    insert.setLong(p++, due[i]);
                                }
                            }
                        }
                    }
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("NOTIFY linod_tasks");
            }
            c.commit();
        }
        return System.currentTimeMillis();
    }

    @Override
    public long load(long[] keys, long[] due) throws Exception {
        return insertTasks(keys, due);
    }

    @Override
    public int finished(long from, long to) throws Exception {
        return scalar("SELECT COUNT(*) FROM linod_run WHERE task_id BETWEEN " + from + " AND " + to
                + " AND outcome <> 'RUNNING'").intValue();
    }

    @Override
    public List<Execution> executions(long from, long to) throws Exception {
        own.incrementAndGet();
        List<Execution> found = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT task_id, start_time, end_time, node_name, outcome FROM linod_run WHERE task_id BETWEEN "
                        + from + " AND " + to + " AND outcome <> 'RUNNING'")) {
            while (r.next()) {
                if (!"SUCCESS".equals(r.getString(5))) {
                    System.err.println("linod: run of task " + r.getLong(1) + " ended " + r.getString(5));
                }
                found.add(new Execution(r.getLong(1), 0, r.getLong(2), r.getLong(3), r.getString(4)));
            }
        }
        return found;
    }

    /**
     * Run now through the REST API of the first node, {@code count} times on one task made for it: the time from
     * sending the request to the run's start time in {@code LINOD_RUN}, in ms.
     */
    private final long[] parts = new long[4];

    /** The mean of the Run now parts: request to the API's method, to the claim, to the procedure's start. */
    String runNowParts() {
        double n = Math.max(1, parts[3]);
        return String.format(java.util.Locale.ROOT, "request → the API's method %.1f ms, → claimed %.1f ms,"
                + " → procedure started %.1f ms (means)", parts[0] / n, parts[1] / n, parts[2] / n);
    }

    /** Run now requests that warm the path (the JIT compiles it after some hundred calls) and are not counted. */
    static final int RUN_NOW_WARMUPS = 100;

    List<Long> runNow(long key, int count) throws Exception {
        insertTasks(new long[] {key}, null);
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(0)
                + "/linod/api/tasks/" + key + "/run-now")).header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        // A running server has answered requests before: 500 reads of the task warm the HTTP, sign-in and REST
        // path (JIT), as the runs of W1 and W2 warmed the daemon's.
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(0) + "/linod/api/tasks/"
                + key)).header("Authorization", auth).build();
        for (int i = 0; i < 500; i++) {
            http.send(read, HttpResponse.BodyHandlers.discarding());
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count + RUN_NOW_WARMUPS; i++) {
            int before = finished(key, key);
            long asked = System.currentTimeMillis();
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("run-now answered " + reply.statusCode() + ": " + reply.body());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // The run's start is linod's own record: how often this asks changes nothing in it, but each ask is a
            // query that takes CPU from linod and PostgreSQL on a 2-core machine.
            while (finished(key, key) <= before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Long start = scalar("SELECT MAX(start_time) FROM linod_run WHERE task_id = " + key);
            if (i >= RUN_NOW_WARMUPS) {
                // The first ones warm the path (JIT, pools) and are not counted.
                latencies.add(start - asked);
                // Where the time goes: the request's instant as linod's API took it (the audit row), the claim.
                Long changed = scalar("SELECT MAX(changed_at) FROM linod_change WHERE task_id = " + key);
                Long claimed = scalar("SELECT last_start_time FROM linod_system_task WHERE id = " + key);
                parts[0] += changed - asked;
                parts[1] += claimed - changed;
                parts[2] += start - claimed;
                parts[3]++;
            }
        }
        return latencies;
    }

    /** What 100,000 tasks cost a node: idle CPU, the first page of the REST list, the pages. */
    record Scale(int tasks, double idleCpuPercent, Timing restFirstPage, Timing tasksPage, Timing taskPage,
            int restBytes) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,d tasks: idle CPU %.2f %% of a core; GET /api/tasks"
                    + " first page %s (%,d bytes); tasks page %s; one task's page %s", tasks, idleCpuPercent,
                    restFirstPage, restBytes, tasksPage, taskPage);
        }
    }

    /** Response times of one request, repeated, in ms. */
    record Timing(double p50, double p99) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", p50, p99);
        }
    }

    /**
     * Tops the site up to {@code total} system tasks (not due, as a site's tasks are most of the time), lets the
     * first node settle, then measures its CPU while idle ({@code idleSeconds}), and the response times of the REST
     * list's first page, the tasks page and one task's page (after warm-up requests), each with a check of what came.
     */
    Scale scale(int total, long firstKey, int idleSeconds) throws Exception {
        long count = scalar("SELECT COUNT(*) FROM linod_system_task");
        int missing = (int) Math.max(0, total - count);
        long[] keys = new long[missing];
        for (int i = 0; i < missing; i++) {
            keys[i] = firstKey + i;
        }
        insertTasks(keys, null);
        int tasks = scalar("SELECT COUNT(*) FROM linod_system_task").intValue();
        long someTask = missing > 0 ? keys[missing / 2] : template;
        Thread.sleep(15_000);
        ProcessHandle node = nodes.get(0).toHandle();
        Duration cpuBefore = node.info().totalCpuDuration().orElseThrow();
        long from = System.nanoTime();
        Thread.sleep(idleSeconds * 1000L);
        Duration cpuAfter = node.info().totalCpuDuration().orElseThrow();
        double idleCpu = 100.0 * cpuAfter.minus(cpuBefore).toNanos() / (System.nanoTime() - from);

        String base = "http://127.0.0.1:" + ports.get(0) + "/linod/";
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest rest = HttpRequest.newBuilder(URI.create(base + "api/tasks")).header("Authorization", auth)
                .header("Accept", "application/json").build();
        int[] bytes = new int[1];
        Timing restTiming = time(rest, body -> {
            if (!body.contains("\"total\":" + tasks) && !body.contains("\"total\": " + tasks)) {
                throw new IllegalStateException("GET /api/tasks does not say total " + tasks + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
            bytes[0] = body.getBytes(StandardCharsets.UTF_8).length;
        });
        String cookie = signIn(base);
        HttpRequest tasksPage = HttpRequest.newBuilder(URI.create(base + "tasks.xhtml")).header("Cookie", cookie)
                .build();
        Timing tasksTiming = time(tasksPage, body -> {
            if (!body.contains("System tasks")) {
                throw new IllegalStateException("The tasks page did not come: "
                        + body.substring(0, Math.min(300, body.length())));
            }
        });
        HttpRequest taskPage = HttpRequest.newBuilder(URI.create(base + "task.xhtml?id=" + someTask))
                .header("Cookie", cookie).build();
        Timing taskTiming = time(taskPage, body -> {
            if (!body.contains("bench " + someTask) && someTask != template) {
                throw new IllegalStateException("The page of task " + someTask + " did not come: "
                        + body.substring(0, Math.min(300, body.length())));
            }
        });
        return new Scale(tasks, idleCpu, restTiming, tasksTiming, taskTiming, bytes[0]);
    }

    private static final int TIMED = 30;
    private static final int WARMUPS = 10;

    private Timing time(HttpRequest request, java.util.function.Consumer<String> check) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < WARMUPS + TIMED; i++) {
            long from = System.nanoTime();
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - from;
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + reply.statusCode() + ": "
                        + reply.body());
            }
            check.accept(reply.body());
            if (i >= WARMUPS) {
                nanos.add(took);
            }
        }
        return new Timing(Bench.percentile(nanos, 0.5) / 1e6, Bench.percentile(nanos, 0.99) / 1e6);
    }

    /** Signs in on the sign-in page as a browser would; the session cookie. */
    private String signIn(String base) throws Exception {
        String form = "signinForm=signinForm&name=admin&password="
                + java.net.URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&signin=Sign+in&jakarta.faces.ViewState=stateless";
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "signin.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow(() -> new IllegalStateException(
                        "Sign-in answered " + reply.statusCode() + " without a session: " + reply.body()));
    }

    @Override
    public long ownTransactions() {
        return own.get();
    }

    @Override
    public void close() throws Exception {
        for (Process p : nodes) {
            p.toHandle().destroy();
        }
        for (Process p : nodes) {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        nodes.clear();
        ports.clear();
    }
}
