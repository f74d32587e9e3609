package lino.linod.task;

import jakarta.ejb.ApplicationException;

/**
 * A write based on an older revision of a task than the current one (the revision a client sent, or the ETag of
 * If-Match): nothing was changed.
 */
@ApplicationException(rollback = true)
public class StaleRevisionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean precondition;

    public StaleRevisionException(long expected, long current) {
        super("The task was changed meanwhile: you sent revision " + expected + ", it is now at revision " + current
                + ". Reload it and try again.");
        this.precondition = false;
    }

    /** The task has changed since the representation that If-Match names. */
    public StaleRevisionException() {
        super("The task was changed since the representation that If-Match names. Reload it and try again.");
        this.precondition = true;
    }

    /** Whether a precondition (If-Match) failed, not the revision sent. */
    public boolean precondition() {
        return precondition;
    }
}
