package lino.linod.run;

/** How a run ended. */
public enum Outcome {
    RUNNING,
    SUCCESS,
    /** The procedure threw {@link lino.linod.procedure.Warning}: stored, the task stays enabled. */
    WARNING,
    /** Any other exception: the trace is stored and the task disabled. */
    FAILED,
    /** The node stopped or died while the run was going on. */
    INTERRUPTED
}
