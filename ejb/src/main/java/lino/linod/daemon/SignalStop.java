package lino.linod.daemon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops linod first when the JVM is told to end (SIGTERM, Ctrl-C), then lets the JVM end as it would have.
 * Payara Micro's shutdown takes its services down in parallel: the connection pool and the logging were gone before
 * the daemon's {@code @PreDestroy} ran, so nothing was logged and runs stayed RUNNING. Here the daemon stops while
 * the server is still whole. Removed again when the application stops on its own (an undeploy).
 */
final class SignalStop {

    private static final Logger LOG = Daemon.LOG;

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

    private SignalStop() {
    }

    static SignalStop install(Runnable stop) {
        SignalStop installed = new SignalStop();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, s -> {
                    if (!installed.stopping.compareAndSet(false, true)) {
                        // A second signal (say, from a start script and from the terminal) while linod stops.
                        return;
                    }
                    try {
                        stop.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Stopping linod on SIG" + s.getName() + " failed", e);
                    } finally {
                        installed.remove();
                        chain(installed.previous.get(s), s);
                    }
                });
                installed.previous.put(signal, before);
            } catch (IllegalArgumentException | LinkageError e) {
                // The JVM does not let applications handle this signal (say, -Xrs): the server's own stop serves.
                LOG.log(Level.FINE, "Cannot handle SIG" + name, e);
            }
        }
        return installed;
    }

    private static void chain(SignalHandler before, Signal signal) {
        if (before == null || before == SignalHandler.SIG_DFL) {
            System.exit(128 + signal.getNumber());
        } else if (before != SignalHandler.SIG_IGN) {
            before.handle(signal);
        }
    }

    /** Puts the JVM's (or the server's) handlers back. */
    synchronized void remove() {
        for (Map.Entry<Signal, SignalHandler> e : previous.entrySet()) {
            try {
                Signal.handle(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ignored) {
                // Nothing was installed for it.
            }
        }
    }
}
