package lino.linod.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 of the tests' own: a new cluster in target/, listening on 127.0.0.1 at a free port, with a
 * database and user {@code linod}. Run as the {@code postgres} user when the tests run as root.
 */
final class PostgresProcess implements AutoCloseable {

    static final String USER = "linod";
    static final String PASSWORD = "linod-it-pw";

    private final Path bin;
    private final Path data;
    final int port;

    private PostgresProcess(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    static PostgresProcess start() throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        return start(ServerProcess.itDir().toPath().resolve("postgres-" + port).toAbsolutePath(), port);
    }

    /**
     * The cluster in {@code root}: started again when a previous test JVM made it (so that one database can be
     * used by one server and then another), else made there.
     */
    static PostgresProcess startIn(Path root) throws IOException, InterruptedException {
        Path absolute = root.toAbsolutePath();
        int port = ServerProcess.freePort();
        if (!Files.isDirectory(absolute.resolve("data"))) {
            return start(absolute, port);
        }
        Path bin = Path.of(System.getProperty("linod.postgresBin", "/usr/lib/postgresql/15/bin"));
        PostgresProcess pg = new PostgresProcess(bin, absolute.resolve("data"), port);
        pg.pgCtlStart(absolute);
        return pg;
    }

    private static PostgresProcess start(Path root, int port) throws IOException, InterruptedException {
        Path bin = Path.of(System.getProperty("linod.postgresBin", "/usr/lib/postgresql/15/bin"));
        Files.createDirectories(root);
        Path data = root.resolve("data");
        PostgresProcess pg = new PostgresProcess(bin, data, port);
        pg.asOwner(root, List.of("chown", "postgres", root.toString()), true);
        pg.asOwner(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8"), false);
        pg.pgCtlStart(root);
        pg.asOwner(root, List.of("psql", "-h", "127.0.0.1", "-p", String.valueOf(pg.port), "-U", "postgres", "-c",
                "CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'", "-c",
                "CREATE DATABASE linod OWNER " + USER), false);
        return pg;
    }

    private void pgCtlStart(Path root) throws IOException, InterruptedException {
        asOwner(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                root.resolve("server.log").toString(), "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k "
                        + root, "-w", "start"), false);
    }

    String jdbcUrl() {
        return jdbcUrl("linod");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A further empty database owned by {@link #USER}. */
    void createDatabase(String name) throws IOException, InterruptedException {
        asOwner(data.getParent(), List.of("psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-c", "CREATE DATABASE " + name + " OWNER " + USER), false);
    }

    /** The settings that point linod at {@code database}. */
    java.util.Map<String, String> linodEnvironment(String database) {
        return java.util.Map.of("LINOD_JDBC_URL", jdbcUrl(database), "LINOD_JDBC_USER", USER,
                "LINOD_JDBC_PASSWORD", PASSWORD, "LINOD_JDBC_DRIVER", "org.postgresql.Driver");
    }

    /** Runs a command as postgres when we are root (initdb refuses root), else as ourselves. */
    private void asOwner(Path root, List<String> command, boolean onlyAsRoot) throws IOException, InterruptedException {
        boolean root0 = "root".equals(System.getProperty("user.name"));
        if (onlyAsRoot && !root0) {
            return;
        }
        List<String> full = new ArrayList<>();
        if (root0 && !onlyAsRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        File log = root.resolve("setup.log").toFile();
        Process p = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n"
                    + Files.readString(log.toPath(), StandardCharsets.UTF_8));
        }
    }

    /** The server's log file. */
    Path serverLog() {
        return data.getParent().resolve("server.log");
    }

    /** Statements as the superuser {@code postgres} (trusted on 127.0.0.1 in this test cluster). */
    void superuser(String... statements) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                java.sql.Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (the cluster stays): connections break, as in a database outage. */
    void stop() throws IOException, InterruptedException {
        asOwner(data.getParent(), List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
                "stop"), false);
    }

    /** Starts it again on the same port after {@link #stop}. */
    void startAgain() throws IOException, InterruptedException {
        pgCtlStart(data.getParent());
    }

    @Override
    public void close() throws InterruptedException {
        try {
            asOwner(data.getParent(), List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
                    "stop"), false);
        } catch (IOException e) {
            System.err.println("Could not stop PostgreSQL: " + e.getMessage());
        }
    }
}
