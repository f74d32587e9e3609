package lino.linod.procedure;

import java.security.Principal;
import java.util.logging.Logger;

/** What a running procedure may know and do. */
public interface ProcedureContext {

    /** Records logged here at or above the task's log level are stored with the run and reach the server log. */
    Logger logger();

    /** Name of the system task being run. */
    String taskName();

    /** The task's parameters as stored: the free text, or the JSON object of a typed procedure; never null. */
    String parameters();

    /**
     * The task's parameters as the procedure's declared parameter type ({@code @BackgroundTask(parameters = …)}),
     * read and validated.
     *
     * @throws IllegalStateException when {@code type} is not the declared type, or the stored values no longer fit
     *                               it (the run fails with the reason)
     */
    <P extends Record> P parameters(Class<P> type);

    /** The daemon user this run acts as (Lino's {@code daemon_user}). */
    Principal principal();

    /** Reports progress: {@code percent} is clamped to 0..100. */
    void progress(int percent, String text);

    /** True once somebody (or a shutdown) asked this run to stop; long procedures should check it and return. */
    boolean cancellationRequested();
}
