package lino.linod.procedure;

/**
 * A piece of background work. The daemon calls {@link #run} when the system task that points to this procedure
 * is due. Throwing {@link Warning} records the run as a warning; any other exception disables the task.
 */
@FunctionalInterface
public interface Procedure {

    void run(ProcedureContext context) throws Exception;
}
