package lino.linod.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of the benchmark's own: initdb into a temporary directory (as user postgres when run as
 * root), listening on 127.0.0.1 at a free port, one fresh database per system under test, owned by {@link #USER}.
 * Autovacuum is off, so that the transactions counted in {@code pg_stat_database} are the schedulers' own; the
 * benchmark vacuums between repetitions itself.
 */
final class Postgres implements AutoCloseable {

    static final String USER = "bench";
    static final String PASSWORD = "bench-pw";

    private final Path bin;
    private final Path root;
    private final Path data;
    final int port;

    private Postgres(Path bin, Path root, int port) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
    }

    static Postgres start(Path bin) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("linod-bench-pg");
        Postgres pg = new Postgres(bin, root, freePort());
        pg.run(List.of("chown", "postgres", root.toString()), true);
        pg.run(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8"), false);
        pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", pg.data.toString(), "-l",
                root.resolve("server.log").toString(), "-o", "-c listen_addresses=127.0.0.1 -p " + pg.port + " -k "
                        + root + " -c autovacuum=off -c max_connections=200 "
                        + System.getProperty("bench.postgresOptions", ""), "-w", "start"), false);
        pg.superuser("postgres", "CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'");
        return pg;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String version() {
        try (Connection c = connect("postgres", "postgres", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    /** A fresh, empty database owned by {@link #USER}. */
    void createDatabase(String name) {
        superuser("postgres", "CREATE DATABASE " + name + " OWNER " + USER);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return connect(database, USER, PASSWORD);
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /**
     * Committed plus rolled-back transactions of {@code database} so far, read from another database so that the
     * reading is not counted. A backend reports its counts when idle, at most about 10 s late (PostgreSQL 15's
     * statistics in shared memory): callers wait that long after a workload before reading.
     */
    long transactions(String database) {
        try (Connection c = connect("postgres", "postgres", ""); java.sql.PreparedStatement q = c.prepareStatement(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ?")) {
            q.setString(1, database);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** VACUUM ANALYZE of {@code database} between repetitions (autovacuum is off); one transaction of ours. */
    void vacuum(String database) {
        superuser(database, "VACUUM ANALYZE");
    }

    void superuser(String database, String... statements) {
        try (Connection c = connect(database, "postgres", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements), e);
        }
    }

    private void run(List<String> command, boolean onlyAsRoot) throws IOException, InterruptedException {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (onlyAsRoot && !asRoot) {
            return;
        }
        List<String> full = new ArrayList<>();
        if (asRoot && !onlyAsRoot) {
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

    @Override
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "stop"), false);
            // The server's log outlives the database (with bench.postgresOptions it may say what each system did).
            Path work = Files.createDirectories(Path.of(System.getProperty("bench.work", "target/bench")));
            Files.copy(root.resolve("server.log"), work.resolve("postgresql.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            new ProcessBuilder("rm", "-rf", root.toString()).inheritIO().start().waitFor(1, TimeUnit.MINUTES);
        } catch (IOException | InterruptedException e) {
            System.err.println("Could not stop PostgreSQL in " + root + ": " + e.getMessage());
        }
    }
}
