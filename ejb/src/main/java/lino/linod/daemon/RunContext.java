package lino.linod.daemon;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.Principal;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jakarta.validation.Validator;
import lino.linod.procedure.ParameterType;
import lino.linod.procedure.ProcedureContext;
import lino.linod.run.Runs;
import lino.linod.task.LogLevel;
import lino.linod.task.SystemTask;

/**
 * One run as its procedure sees it. Its logger keeps the records at or above the task's level (and passes them on
 * to the server log); records below the level are dropped at the source.
 */
final class RunContext implements ProcedureContext {

    /** Procedures log under {@code lino.linod.procedure.NAME}. */
    static final String LOGGER_PREFIX = "lino.linod.procedure.";

    private static final class RunLogger extends Logger {
        RunLogger(String name) {
            super(name, null);
        }
    }

    /** Stored logs are cut here: a runaway procedure must not fill the database. */
    static final int MAX_LOG = 200_000;

    private final long taskId;
    private final long runId;
    private final String taskLabel;
    private final String taskName;
    private final String procedure;
    private final Instant start;
    private volatile Instant began;
    private final String parameters;
    private final Principal principal;
    private final Runs runs;
    private final Logger logger;
    private final StringBuilder captured = new StringBuilder();
    private volatile boolean cancellationRequested;
    private volatile boolean stoppedEarly;
    private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int percent;
    private volatile String progressText;
    /** Tells the pages that the progress changed. */
    private final Runnable noticed;
    volatile Future<?> future;
    /** How long the run may take: its task's timeout. */
    private final java.time.Duration timeout;
    /** The task's next slot, when its overlap policy is REPLACE: this run is stopped then. */
    private final Instant replaceAt;
    /** The procedure's parameter type (null: free text) and the validator that checks the values. */
    private final ParameterType parameterType;
    private final Validator validator;
    /** Who asked this run to stop, and when this node learned it (null: nobody). */
    private String stopBy;
    private Instant stopAt;

    RunContext(SystemTask task, long runId, String procedure, Instant start, String daemonUser, Runs runs,
            Runnable noticed, Instant replaceAt, ParameterType parameterType, Validator validator) {
        this.noticed = noticed;
        this.parameterType = parameterType;
        this.validator = validator;
        this.timeout = java.time.Duration.ofSeconds(task.getTimeoutSeconds());
        this.replaceAt = replaceAt;
        this.taskId = task.getId();
        this.runId = runId;
        this.taskLabel = task.label();
        this.taskName = task.getName();
        this.procedure = procedure;
        this.start = start;
        this.parameters = task.getParameters();
        this.principal = () -> daemonUser;
        this.runs = runs;
        LogLevel level = task.getLogLevel();
        // Named after the procedure, so that its records reach the server log under that name; not registered
        // with the LogManager, so that its level and handler stay this run's.
        this.logger = new RunLogger(LOGGER_PREFIX + procedure);
        logger.setParent(Logger.getLogger(LOGGER_PREFIX + procedure));
        logger.setLevel(level.julLevel());
        logger.addHandler(new Capture());
    }

    private final class Capture extends Handler {

        private final java.util.logging.Formatter formatter = new java.util.logging.SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(LogLevel.of(record.getLevel()).name()).append(' ')
                    .append(formatter.formatMessage(record)).append('\n');
            if (record.getThrown() != null) {
                line.append(trace(record.getThrown()));
            }
            append(line);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    void append(CharSequence text) {
        synchronized (captured) {
            if (captured.length() < MAX_LOG) {
                captured.append(text);
                if (captured.length() >= MAX_LOG) {
                    captured.setLength(MAX_LOG);
                    captured.append("\n… (log truncated)\n");
                }
            }
        }
    }

    String captured() {
        synchronized (captured) {
            return captured.toString();
        }
    }

    static String trace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** True once, for whoever ends this run first (the procedure's thread, or a shutdown that cuts it off). */
    boolean claimEnd() {
        return ended.compareAndSet(false, true);
    }

    void cancel() {
        cancellationRequested = true;
    }

    /** Asks the procedure to stop ({@link #cancellationRequested()}); false when it was asked already. */
    synchronized boolean askStop(String by, Instant at) {
        if (stopBy != null) {
            return false;
        }
        stopBy = by;
        stopAt = at;
        cancel();
        return true;
    }

    /** Who asked this run to stop; null when nobody did. */
    synchronized String stopBy() {
        return stopBy;
    }

    /** When this node learned that the run must stop; null when it need not. */
    synchronized Instant stopAt() {
        return stopAt;
    }

    /** When the run has gone on for its task's timeout. */
    Instant timeoutAt() {
        return start().plus(timeout);
    }

    java.time.Duration timeout() {
        return timeout;
    }

    /** The task's next slot if it replaces this run then (overlap policy REPLACE), else null. */
    Instant replaceAt() {
        return replaceAt;
    }

    String procedure() {
        return procedure;
    }

    /** When the procedure started: the claim's instant until the worker began it. */
    Instant start() {
        Instant at = began;
        return at != null ? at : start;
    }

    /** Whether its procedure has started (a run claimed ahead waits for a thread first). */
    boolean hasBegun() {
        return began != null;
    }

    /** The worker begins the procedure now. */
    void began(Instant at) {
        began = at;
    }

    long taskId() {
        return taskId;
    }

    long runId() {
        return runId;
    }

    String taskLabel() {
        return taskLabel;
    }

    int percent() {
        return percent;
    }

    String progressText() {
        return progressText;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public String taskName() {
        return taskName;
    }

    @Override
    public String parameters() {
        return parameters;
    }

    @Override
    public <P extends Record> P parameters(Class<P> type) {
        if (parameterType == null || parameterType.type() != type) {
            throw new IllegalStateException("Procedure " + procedure + " declares "
                    + (parameterType == null ? "no parameter type" : parameterType.type().getName()) + ", not "
                    + type.getName());
        }
        return type.cast(parameterType.load(parameters, validator));
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public void progress(int percent, String text) {
        this.percent = Math.max(0, Math.min(100, percent));
        this.progressText = text;
        try {
            runs.progress(runId, this.percent, text);
            noticed.run();
        } catch (RuntimeException e) {
            // linod's bookkeeping: never the procedure's failure. The progress is kept in memory and shown.
            logger.getParent().log(java.util.logging.Level.FINE, "Could not record the progress of run " + runId, e);
        }
    }

    @Override
    public boolean cancellationRequested() {
        boolean requested = cancellationRequested || Thread.currentThread().isInterrupted();
        if (requested) {
            stoppedEarly = true;
        }
        return requested;
    }

    /** Whether the procedure saw a request to stop (and so may have returned before its work was done). */
    boolean stoppedEarly() {
        return stoppedEarly;
    }
}
