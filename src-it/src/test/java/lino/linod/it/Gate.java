package lino.linod.it;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Holds the slow test procedure inside its run until a test opens the gate. */
@ApplicationScoped
public class Gate {

    private int entered;
    private int inside;
    private int mostInside;
    private boolean open;

    synchronized void pass() throws InterruptedException {
        entered++;
        inside++;
        mostInside = Math.max(mostInside, inside);
        notifyAll();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!open && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } finally {
            inside--;
        }
    }

    public synchronized void awaitEntered(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entered < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("The slow procedure was entered " + entered + " times, not " + n);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public synchronized void open() {
        open = true;
        notifyAll();
    }

    public synchronized void close() {
        open = false;
    }

    public synchronized int entered() {
        return entered;
    }

    public synchronized int mostInside() {
        return mostInside;
    }
}
