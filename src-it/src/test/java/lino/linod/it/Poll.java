package lino.linod.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting on a condition with a deadline, for the black-box suites: never a sleep. */
public final class Poll {

    private static final Object LOCK = new Object();

    private Poll() {
    }

    /**
     * Asks {@code probe} until it answers non-null or {@code timeout} passes, waiting on a private lock between the
     * asks; fails with {@code what} and the server's last output.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T answer = probe.get();
            if (answer != null) {
                return answer;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("not within " + timeout + ": " + what + "; server output:\n" + RunningLinod.output());
            }
            synchronized (LOCK) {
                try {
                    LOCK.wait(Math.max(1, Math.min(100, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
