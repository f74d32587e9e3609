package lino.linod.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lino.linod.daemon.RunFinished;

/** Remembers every run the daemon recorded, so that a test can wait for the n-th run of a task. */
@ApplicationScoped
public class RunProbe {

    private final List<RunFinished> seen = new ArrayList<>();

    void observe(@Observes RunFinished finished) {
        synchronized (seen) {
            seen.add(finished);
            seen.notifyAll();
        }
    }

    public long count(String taskName) {
        synchronized (seen) {
            return seen.stream().filter(f -> f.taskName().equals(taskName)).count();
        }
    }

    /** Waits until the task has had {@code n} runs recorded and returns the n-th; fails after the deadline. */
    public RunFinished await(String taskName, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            while (true) {
                List<RunFinished> runs = seen.stream().filter(f -> f.taskName().equals(taskName)).toList();
                if (runs.size() >= n) {
                    return runs.get(n - 1);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No run #" + n + " of " + taskName + " within " + timeout
                            + "; seen: " + runs);
                }
                seen.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
