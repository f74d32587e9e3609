package lino.linod.task;

import java.util.List;
import lino.linod.recurrence.Violation;

/**
 * A task's run policies as a user gives them: the timeout (seconds), the misfire policy and the overlap policy;
 * a null one means "as it is" (a change) or the default (a new task: 2 hours, RUN_ONCE, FORBID).
 */
public record Policies(Long timeoutSeconds, MisfirePolicy misfirePolicy, OverlapPolicy overlapPolicy) {

    /** Nothing given. */
    public static final Policies NONE = new Policies(null, null, null);

    /** Adds a violation for a timeout out of bounds. */
    void check(List<Violation> violations) {
        if (timeoutSeconds != null && (timeoutSeconds < SystemTask.MIN_TIMEOUT_SECONDS
                || timeoutSeconds > SystemTask.MAX_TIMEOUT_SECONDS)) {
            violations.add(new Violation("timeoutSeconds", "must be between " + SystemTask.MIN_TIMEOUT_SECONDS
                    + " and " + SystemTask.MAX_TIMEOUT_SECONDS + " (30 days)"));
        }
    }
}
