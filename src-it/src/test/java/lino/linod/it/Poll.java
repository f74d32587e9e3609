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
     * Lets a stretch of wall-clock time pass that a test needs as such: a fault's duration (a database away for
     * 20 s) or a measuring window. Never to wait for the scheduler: that is {@link #until}.
     */
    public static void window(Duration length) {
        long end = System.nanoTime() + length.toNanos();
        for (long left = length.toNanos(); left > 0; left = end - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
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
