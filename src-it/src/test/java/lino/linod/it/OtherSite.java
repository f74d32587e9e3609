package lino.linod.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A second site for the tests of settings that the main one must not have, started once per test JVM (a Payara
 * Micro start costs about 20 s) and stopped when the JVM ends: its limits lowered ({@code max_tasks} 30,
 * {@code shortest_interval} one minute: {@code security.LimitsIT}) and linod switched off ({@code use_linod=false}:
 * {@code SwitchedOffIT}), which changes neither the API's nor the limits' behaviour.
 */
public final class OtherSite {

    public static final int MAX_TASKS = 30;
    private static LinodServer server;

    private OtherSite() {
    }

    public static synchronized LinodServer server() {
        if (server == null) {
            try {
                server = RunningLinod.startMicro("derby-other-site", Map.of("LINOD_MAX_TASKS",
                        String.valueOf(MAX_TASKS), "LINOD_SHORTEST_INTERVAL", "PT1M", "LINOD_USE_LINOD", "false"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LinodServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return server;
    }
}
