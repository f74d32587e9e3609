package lino.linod.task;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;
import lino.linod.recurrence.Violation;

/**
 * A request that cannot be carried out as given: each violation names the field. Thrown before anything is
 * written; as an application exception it rolls back and reaches the caller unwrapped.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
