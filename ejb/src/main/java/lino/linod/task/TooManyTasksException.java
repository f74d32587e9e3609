package lino.linod.task;

import jakarta.ejb.ApplicationException;

/** Creating a task would pass the site's {@code max_tasks}; thrown before anything is written. */
@ApplicationException(rollback = true)
public class TooManyTasksException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TooManyTasksException(long tasks, int max) {
        super("This site has " + tasks + " system tasks and allows at most " + max
                + " (setting max_tasks): delete one first.");
    }
}
