package lino.linod.it;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Holds the slow test procedure inside its run until a test opens the gate. It locks a private object, not
 * itself: a CDI client proxy may hold its own monitor around a call, so {@code wait()} in a synchronized method
 * would not let other callers in.
 */
@ApplicationScoped
public class Gate {

    private final Object lock = new Object();
    private int entered;
    private int inside;
    private int mostInside;
    private boolean open;

    void pass() throws InterruptedException {
        synchronized (lock) {
            entered++;
            inside++;
            mostInside = Math.max(mostInside, inside);
            lock.notifyAll();
            try {
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!open && System.nanoTime() < deadline) {
                    lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } finally {
                inside--;
            }
        }
    }

    public void awaitEntered(int n, Duration timeout) throws InterruptedException {
        synchronized (lock) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (entered < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The slow procedure was entered " + entered + " times, not " + n);
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public void open() {
        synchronized (lock) {
            open = true;
            lock.notifyAll();
        }
    }

    public void close() {
        synchronized (lock) {
            open = false;
        }
    }

    public int entered() {
        synchronized (lock) {
            return entered;
        }
    }

    public int mostInside() {
        synchronized (lock) {
            return mostInside;
        }
    }
}
