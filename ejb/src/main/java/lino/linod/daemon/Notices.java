package lino.linod.daemon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import lino.linod.task.TaskChanged;

/**
 * Tells listeners (the pages' push) that what the pages show has changed: a user's change to a task (once
 * committed), a run's end on this node, and a change on another node (its {@code NOTIFY}). Notices close together
 * are told once, at most every {@link #GAP_MILLIS} ms; without listeners a notice costs a set's emptiness check
 * (runs end thousands of times a second under load). The listeners live in the web module, which sees this class
 * where the module's own observers would not see the events of this one in an EAR.
 */
@ApplicationScoped
public class Notices {

    /** The shortest time between two notices told. */
    static final long GAP_MILLIS = 200;
    private static final Logger LOG = Logger.getLogger("lino.linod");

    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastTold;

    /**
     * The daemon's timer, handed over at its start: a CDI bean in a library jar of a WAR gets no {@code @Resource}
     * injected on Payara. Without it (the daemon switched off or not started) notices are told at once.
     */
    private volatile ScheduledExecutorService timer;

    void useTimer(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Adds a listener, called on a thread of the server's, never inside a transaction. */
    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void unlisten(Runnable listener) {
        listeners.remove(listener);
    }

    void taskChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskChanged change) {
        notice();
    }

    void runFinished(@Observes RunFinished finished) {
        notice();
    }

    void changedElsewhere(@Observes ChangedElsewhere changed) {
        notice();
    }

    /** Something changed: tell the listeners soon, once for all that change until then. */
    public void notice() {
        if (listeners.isEmpty() || !pending.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, lastTold + GAP_MILLIS - System.currentTimeMillis());
        ScheduledExecutorService t = timer;
        if (t == null) {
            tell();
            return;
        }
        try {
            t.schedule(this::tell, wait, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // The application is stopping: nobody to tell.
            pending.set(false);
        }
    }

    private void tell() {
        pending.set(false);
        lastTold = System.currentTimeMillis();
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A listener of changes failed", e);
            }
        }
    }
}
