package lino.linod.recurrence;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a recurrence cannot be built; lists every violation, not only the first one. */
public final class InvalidRecurrenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    public InvalidRecurrenceException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
