package lino.linod.daemon;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the daemon tells about its database being away: one WARNING when it goes (no stack trace), one INFO when it
 * is back, and the waits in between, doubling from half a second up to {@link #MAX_WAIT}. Shared by the loop, the
 * heartbeat and the recording of runs' ends.
 */
final class Outage {

    /** The longest wait between two tries: the daemon goes on within this of the database coming back. */
    static final Duration MAX_WAIT = Duration.ofSeconds(4);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);

    private final Logger log;
    private long since;
    private Duration wait = FIRST_WAIT;
    private boolean away;

    Outage(Logger log) {
        this.log = log;
    }

    /** A database operation failed: how long to wait before the next try. */
    synchronized Duration failed(String what, Throwable cause) {
        if (!away) {
            away = true;
            since = System.nanoTime();
            wait = FIRST_WAIT;
            log.warning("The database is not answering (" + what + ": " + rootMessage(cause)
                    + "); linod keeps trying every few seconds.");
        } else {
            wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
        }
        log.log(Level.FINE, what + " failed", cause);
        return wait;
    }

    /** A database operation succeeded. */
    synchronized void succeeded() {
        if (away) {
            away = false;
            log.info("The database answers again, after " + Duration.ofNanos(System.nanoTime() - since).toSeconds()
                    + " s; linod goes on.");
        }
    }

    synchronized boolean isAway() {
        return away;
    }

    /**
     * While the database is away: whether it answers again, asked over a connection of linod's own (not the
     * server's pool, not an EJB), so that a retry writes no stack trace to the server log.
     */
    boolean answers() {
        if (!isAway()) {
            return true;
        }
        try (java.sql.Connection c = lino.linod.site.ConfiguredDataSource.own().getConnection()) {
            return c.isValid(2);
        } catch (java.sql.SQLException | RuntimeException e) {
            log.log(Level.FINE, "The database does not answer yet", e);
            return false;
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
