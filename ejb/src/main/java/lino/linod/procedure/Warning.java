package lino.linod.procedure;

/**
 * Thrown by a procedure that ends with a problem worth showing but no reason to disable its task
 * (Lino's {@code Warning}).
 */
public class Warning extends Exception {

    private static final long serialVersionUID = 1L;

    public Warning(String message) {
        super(message);
    }
}
