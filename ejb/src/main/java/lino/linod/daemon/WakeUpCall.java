package lino.linod.daemon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import lino.linod.task.TaskChanged;

/**
 * Wakes the daemon when a user's change to a task has been committed, so that it takes effect at once.
 * The daemon registers itself here once it has started. An observer method on the daemon bean itself would be
 * called through the container while the daemon is still starting (it creates tasks in its start-up), and the
 * container would then start a second daemon instance.
 */
@ApplicationScoped
public class WakeUpCall {

    private volatile Runnable daemon;

    void answerWith(Runnable wake) {
        this.daemon = wake;
    }

    void taskChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskChanged change) {
        Runnable wake = daemon;
        if (wake != null) {
            wake.run();
        }
    }
}
