package lino.linod.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The linod that the black-box tests (quick start, REST, pages) talk to, started once per test JVM and stopped when
 * the JVM ends. The system property {@code linod.it.server} chooses it: {@code micro} (default) runs the built
 * Payara Micro WAR, demo included; {@code payara} deploys the built EAR on Payara Server, {@code wildfly} on
 * WildFly. {@code linod.it.database=postgresql} starts a PostgreSQL of the tests' own and points linod at it
 * through the {@code LINOD_JDBC_*} settings, with the JDBC driver where each server wants it. The admin password is
 * set by {@code LINOD_ADMIN_PASSWORD}, as an operator would set it.
 */
public final class RunningLinod {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "It-admin-4711";
    /** The reverse proxy the server trusts ({@code LINOD_TRUSTED_PROXIES}): an address no other test uses. */
    public static final String PROXY = "127.1.0.1";

    private static LinodServer server;
    private static PostgresProcess postgres;
    /** Why the server did not start: told to every later test at once, instead of starting it again for each. */
    private static RuntimeException failed;

    private RunningLinod() {
    }

    /** Starts the server on first use, waits until it is ready and returns {@code http://localhost:PORT/linod/}. */
    public static synchronized URI base() {
        if (failed != null) {
            throw new IllegalStateException("The server did not start (see the first failure)", failed);
        }
        if (server == null) {
            Map<String, String> environment = new HashMap<>(Map.of("LINOD_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "LINOD_TRUSTED_PROXIES", PROXY));
            List<Path> libraries = List.of();
            try {
                if (usesPostgres()) {
                    String shared = System.getProperty("linod.it.postgresDir");
                    postgres = shared == null ? PostgresProcess.start() : PostgresProcess.startIn(Path.of(shared));
                    closeAtExit(postgres);
                    environment.putAll(Map.of("LINOD_JDBC_URL", postgres.jdbcUrl(), "LINOD_JDBC_USER",
                            PostgresProcess.USER, "LINOD_JDBC_PASSWORD", PostgresProcess.PASSWORD,
                            "LINOD_JDBC_DRIVER", "org.postgresql.Driver"));
                    libraries = List.of(Path.of(System.getProperty("linod.postgresqlJar",
                            "target/postgresql.jar")));
                }
                LinodServer started = switch (kind()) {
                    case "payara" -> PayaraServer.start(builtEar(), environment, libraries);
                    case "wildfly" -> WildFlyServer.start(builtEar(), environment, libraries);
                    case "glassfish" -> PayaraServer.glassfish(builtEar(), environment, libraries);
                    case "liberty" -> LibertyServer.start(builtEar(), environment, derbyJars());
                    default -> startMicro(environment, libraries);
                };
                closeAtExit(started);
                server = started;
            } catch (IOException e) {
                failed = new UncheckedIOException(e);
                throw failed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = new IllegalStateException(e);
                throw failed;
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
        }
        return server.base();
    }

    private static void closeAtExit(AutoCloseable closeable) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + closeable + ": " + e);
            }
        }));
    }

    static String kind() {
        return System.getProperty("linod.it.server", "micro");
    }

    static boolean usesPostgres() {
        return "postgresql".equals(System.getProperty("linod.it.database"));
    }

    /** The tests' PostgreSQL JDBC URL, when the server uses it. */
    static Optional<String> postgresUrl() {
        base();
        return Optional.ofNullable(postgres).map(PostgresProcess::jdbcUrl);
    }

    /**
     * A further Payara Micro with the built WAR and the given settings ({@code LINOD_…} variables), on a Derby
     * database of its own under {@code derbyHome}, with the same admin password; the caller closes it.
     */
    public static LinodServer startMicro(String derbyHome, Map<String, String> settings)
            throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("LINOD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return ServerProcess.micro(Deployments.builtWar(), derbyHome, environment, List.of()).awaitReady();
    }

    private static ServerProcess startMicro(Map<String, String> environment, List<Path> libraries)
            throws IOException, InterruptedException {
        return ServerProcess.micro(Deployments.builtWar(), "derby-blackbox", environment, libraries, true)
                .awaitReady();
    }

    /** On WildFly: the running EAR undeployed and {@code ear} deployed in its place, on the same database. */
    public static synchronized void replaceEar(File ear) {
        base();
        if (!(server instanceof WildFlyServer wildfly)) {
            throw new IllegalStateException("Only WildFly's EAR is replaced");
        }
        try {
            wildfly.replace(ear);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Derby's jars as Maven Central names them, for a server that takes its driver from a library of its own. */
    private static List<Path> derbyJars() throws IOException {
        Path dir = Path.of(System.getProperty("linod.derbyJars", "target/derby-jars"));
        try (var jars = java.nio.file.Files.list(dir)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static File builtEar() {
        File ear = new File(System.getProperty("linod.ear", "target/linod.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("Build the EAR first: " + ear);
        }
        return ear;
    }

    /** Waits until Payara Micro has printed a matching line since it started. */
    public static Optional<String> awaitOutput(Predicate<String> wanted, Duration timeout)
            throws InterruptedException {
        base();
        if (!(server instanceof ServerProcess micro)) {
            throw new IllegalStateException("Only Payara Micro's output is watched");
        }
        return micro.awaitLine(wanted, timeout);
    }

    /** Every line Payara Micro printed so far that matches. */
    public static List<String> outputLines(Predicate<String> wanted) {
        base();
        if (!(server instanceof ServerProcess micro)) {
            throw new IllegalStateException("Only Payara Micro's output is watched");
        }
        return micro.lines(wanted);
    }

    /** The server's last lines, for failure messages. */
    public static synchronized String output() {
        return server == null ? "" : server.tail();
    }
}
