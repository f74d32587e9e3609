package lino.linod.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The daemon's heartbeat as liveness sees it: the daemon reports each pass of its loop here. Measured on the JVM's
 * monotonic clock, not on linod's {@code Clock}: it is about the loop really running.
 */
@ApplicationScoped
public class Liveness {

    private volatile boolean running;
    private volatile long lastTick;

    /** The daemon's loop has started (or stopped). */
    public void running(boolean running) {
        this.running = running;
        lastTick = System.nanoTime();
    }

    /** The daemon's loop has passed once. */
    public void ticked() {
        lastTick = System.nanoTime();
    }

    public boolean isRunning() {
        return running;
    }

    /** Time since the loop last passed. */
    public Duration sinceLastTick() {
        return Duration.ofNanos(System.nanoTime() - lastTick);
    }
}
