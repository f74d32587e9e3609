package lino.linod.task;

import jakarta.ejb.ApplicationException;

/** A write based on an older version of a task than the current one: nothing was changed. */
@ApplicationException(rollback = true)
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long current;

    public StaleVersionException(long expected, long current) {
        super("The task was changed meanwhile: you sent version " + expected + ", it is now at version " + current
                + ". Reload it and try again.");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
