package lino.linod.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The built Payara Micro WAR, demo included, started once per test JVM for the black-box tests (quick start,
 * REST, pages) and stopped when the JVM ends: one server boot for all of them. Its admin password is set by
 * {@code LINOD_ADMIN_PASSWORD}, as an operator would set it.
 */
public final class RunningLinod {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "It-admin-4711";

    private static MicroProcess micro;

    private RunningLinod() {
    }

    /** Starts the server on first use, waits until it is ready and returns {@code http://localhost:PORT/linod/}. */
    public static synchronized URI base() {
        if (micro == null) {
            try {
                MicroProcess started = new MicroProcess(Deployments.builtWar(), "derby-blackbox",
                        Map.of("LINOD_ADMIN_PASSWORD", ADMIN_PASSWORD));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                if (started.awaitLine(MicroProcess::isReady, false, Duration.ofMinutes(3)).isEmpty()) {
                    throw new IllegalStateException("Payara Micro did not get ready:\n" + started.tail());
                }
                micro = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return URI.create("http://localhost:" + micro.port + "/linod/");
    }

    /** Waits until the server has printed a matching line since it started. */
    public static Optional<String> awaitOutput(Predicate<String> wanted, Duration timeout)
            throws InterruptedException {
        base();
        return micro.awaitLine(wanted, false, timeout);
    }

    /** The server's last lines, for failure messages. */
    public static synchronized String output() {
        return micro == null ? "" : micro.tail();
    }
}
