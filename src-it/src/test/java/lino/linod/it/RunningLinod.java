package lino.linod.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The linod that the black-box tests (quick start, REST, pages) talk to, started once per test JVM and stopped when
 * the JVM ends. The system property {@code linod.it.server} chooses it: {@code micro} (default) runs the built
 * Payara Micro WAR, demo included; {@code payara} deploys the built EAR on Payara Server. Its admin password is set
 * by {@code LINOD_ADMIN_PASSWORD}, as an operator would set it.
 */
public final class RunningLinod {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "It-admin-4711";

    private static LinodServer server;

    private RunningLinod() {
    }

    /** Starts the server on first use, waits until it is ready and returns {@code http://localhost:PORT/linod/}. */
    public static synchronized URI base() {
        if (server == null) {
            Map<String, String> environment = Map.of("LINOD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            try {
                LinodServer started = switch (kind()) {
                    case "payara" -> PayaraServer.start(builtEar(), environment);
                    default -> startMicro(environment);
                };
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return server.base();
    }

    static String kind() {
        return System.getProperty("linod.it.server", "micro");
    }

    private static MicroProcess startMicro(Map<String, String> environment)
            throws IOException, InterruptedException {
        MicroProcess started = new MicroProcess(Deployments.builtWar(), "derby-blackbox", environment);
        if (started.awaitLine(MicroProcess::isReady, false, Duration.ofMinutes(3)).isEmpty()) {
            started.close();
            throw new IllegalStateException("Payara Micro did not get ready:\n" + started.tail());
        }
        return started;
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
        if (!(server instanceof MicroProcess micro)) {
            throw new IllegalStateException("Only Payara Micro's output is watched");
        }
        return micro.awaitLine(wanted, false, timeout);
    }

    /** The server's last lines, for failure messages. */
    public static synchronized String output() {
        return server == null ? "" : server.tail();
    }
}
