package lino.linod.task;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import lino.linod.recurrence.Recurrence;

/**
 * Specifies how and when a procedure runs on this site (Lino's {@code linod.SystemTask}).
 *
 * <p>The daemon's own fields ({@code lastStartTime}, {@code lastEndTime}, {@code runningRun}, {@code runsCount},
 * {@code nextRunTime}) change only through {@link SystemTasks}, in short transactions with a version check.
 */
@Entity
@Table(name = "LINOD_SYSTEM_TASK", indexes = {
        @Index(name = "LINOD_TASK_NEXT_RUN", columnList = "NEXT_RUN_TIME"),
        @Index(name = "LINOD_TASK_SEQNO", columnList = "SEQNO, ID"),
        @Index(name = "LINOD_TASK_PROCEDURE", columnList = "PROCEDURE_NAME, SEQNO"),
        @Index(name = "LINOD_TASK_REQUESTED", columnList = "REQUESTED_AT"),
        @Index(name = "LINOD_TASK_RUNNING", columnList = "RUNNING_RUN")})
@SequenceGenerator(name = "LINOD_IDS", sequenceName = "LINOD_ID_SEQ", allocationSize = 50)
@NamedQuery(name = SystemTask.ALL, query = "SELECT t FROM SystemTask t ORDER BY t.seqno, t.id")
@NamedQuery(name = SystemTask.BY_PROCEDURE, query = "SELECT t FROM SystemTask t WHERE t.procedure = :procedure")
@NamedQuery(name = SystemTask.COUNT_BY_PROCEDURE, query = "SELECT t.procedure, COUNT(t) FROM SystemTask t"
        + " GROUP BY t.procedure")
@NamedQuery(name = SystemTask.UNRESOLVED, query = "SELECT t FROM SystemTask t WHERE t.procedure NOT IN :procedures")
@NamedQuery(name = SystemTask.DUE, query = "SELECT t FROM SystemTask t WHERE t.runningRun IS NULL AND"
        + " (t.requestedAt IS NOT NULL OR (t.disabled = FALSE AND t.nextRunTime <= :now)) ORDER BY t.seqno")
@NamedQuery(name = SystemTask.NEXT_WAKE_UP, query = "SELECT MIN(t.nextRunTime) FROM SystemTask t"
        + " WHERE t.runningRun IS NULL AND t.disabled = FALSE")
@NamedQuery(name = SystemTask.MAX_SEQNO, query = "SELECT MAX(t.seqno) FROM SystemTask t")
@NamedQuery(name = SystemTask.COUNT, query = "SELECT COUNT(t) FROM SystemTask t")
@NamedQuery(name = SystemTask.ABOVE, query = "SELECT t FROM SystemTask t WHERE t.seqno < :seqno"
        + " OR (t.seqno = :seqno AND t.id < :id) ORDER BY t.seqno DESC, t.id DESC")
@NamedQuery(name = SystemTask.BELOW, query = "SELECT t FROM SystemTask t WHERE t.seqno > :seqno"
        + " OR (t.seqno = :seqno AND t.id > :id) ORDER BY t.seqno, t.id")
@NamedQuery(name = SystemTask.RUNNING_OF, query = "SELECT COUNT(t) FROM SystemTask t WHERE t.runningRun IS NOT NULL"
        + " AND t.procedure IN :procedures")
@NamedQuery(name = SystemTask.CLAIM, query = "UPDATE SystemTask t SET t.runningRun = :run, t.lastStartTime = :now,"
        + " t.message = :message,"
        + " t.requestedAt = NULL, t.requestedBy = NULL, t.lockVersion = t.lockVersion + 1"
        + " WHERE t.id = :id AND t.lockVersion = :version AND t.runningRun IS NULL")
public class SystemTask {

    public static final String ALL = "SystemTask.all";
    public static final String BY_PROCEDURE = "SystemTask.byProcedure";
    public static final String COUNT_BY_PROCEDURE = "SystemTask.countByProcedure";
    public static final String UNRESOLVED = "SystemTask.unresolved";
    public static final String DUE = "SystemTask.due";
    public static final String NEXT_WAKE_UP = "SystemTask.nextWakeUp";
    public static final String MAX_SEQNO = "SystemTask.maxSeqno";
    public static final String COUNT = "SystemTask.count";
    /** The tasks before one in No. order (Lino's Sequenced: No., then id), nearest first. */
    public static final String ABOVE = "SystemTask.above";
    /** The tasks after one in No. order, nearest first. */
    public static final String BELOW = "SystemTask.below";
    public static final String CLAIM = "SystemTask.claim";
    /** How many tasks of some procedures are running (run_after). */
    public static final String RUNNING_OF = "SystemTask.runningOf";

    public static final int NAME_LENGTH = 200;
    /** Lino kills a run that has gone on for more than 2 hours. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 7200;
    /** The shortest and longest timeout a task may have: a second, and 30 days. */
    public static final long MIN_TIMEOUT_SECONDS = 1;
    public static final long MAX_TIMEOUT_SECONDS = 30L * 24 * 3600;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LINOD_IDS")
    private Long id;

    @Column(nullable = false)
    private int seqno;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(name = "PROCEDURE_NAME", nullable = false, length = 100)
    private String procedure;

    @Enumerated(EnumType.STRING)
    @Column(name = "LOG_LEVEL", nullable = false, length = 10)
    private LogLevel logLevel;

    @Column(nullable = false)
    private boolean disabled;

    @Embedded
    private Recurrence recurrence;

    @Column(length = 2000)
    private String parameters;

    /** How long a run may take before it is stopped (Lino's 2 hours by default). */
    @Column(name = "TIMEOUT_SECONDS", nullable = false)
    private long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    @Enumerated(EnumType.STRING)
    @Column(name = "MISFIRE_POLICY", nullable = false, length = 10)
    private MisfirePolicy misfirePolicy = MisfirePolicy.RUN_ONCE;

    @Enumerated(EnumType.STRING)
    @Column(name = "OVERLAP_POLICY", nullable = false, length = 10)
    private OverlapPolicy overlapPolicy = OverlapPolicy.FORBID;

    @Column(name = "LAST_START_TIME")
    private Instant lastStartTime;

    @Column(name = "LAST_END_TIME")
    private Instant lastEndTime;

    @Column(name = "REQUESTED_AT")
    private Instant requestedAt;

    @Column(name = "REQUESTED_BY", length = 100)
    private String requestedBy;

    @Column(name = "MESSAGE")
    private String message;

    @Column(name = "NEXT_RUN_TIME")
    private Instant nextRunTime;

    @Column(name = "RUNNING_RUN")
    private Long runningRun;

    @Column(name = "RUNS_COUNT", nullable = false)
    private long runsCount;

    /**
     * Bumped by every user's change (not by the daemon's own writes): the {@code revision} that clients send back
     * with a change (JSON, pages and column say "revision" too).
     */
    @Column(name = "REVISION", nullable = false)
    private long revision;

    /** JPA's lock version: bumped by every write, the daemon's included. Not shown to anybody. */
    @Version
    @Column(name = "VERSION", nullable = false)
    private long lockVersion;

    protected SystemTask() {
    }

    public SystemTask(int seqno, String name, String procedure, LogLevel logLevel, Recurrence recurrence) {
        this.seqno = seqno;
        this.name = name;
        this.procedure = procedure;
        this.logLevel = logLevel;
        this.recurrence = recurrence;
    }

    /**
     * Lino's status text, in Lino's order: running, requested, disabled, not scheduled, asap, at.
     * An unresolved procedure is said before "Disabled" because it is why the task cannot run.
     */
    public String status(Instant now, ZoneId zone, boolean resolved) {
        if (runningRun != null) {
            return "Running since " + show(lastStartTime, zone) + ".";
        }
        if (requestedAt != null) {
            return "Requested to run asap (since " + show(requestedAt, zone) + ").";
        }
        if (!resolved) {
            return "Unresolved procedure " + procedure + ".";
        }
        if (disabled) {
            return "Disabled";
        }
        if (nextRunTime == null) {
            return "Not scheduled";
        }
        if (!nextRunTime.isAfter(now)) {
            return "Scheduled to run asap";
        }
        return "Scheduled to run at " + show(nextRunTime, zone) + ".";
    }

    private static String show(Instant instant, ZoneId zone) {
        return instant == null ? "?" : ZonedDateTime.ofInstant(instant, zone).format(SHOWN);
    }

    public boolean isRunning() {
        return runningRun != null;
    }

    /** Lino's "Run now": runs the task as soon as possible, even when disabled. */
    public String requestRun(String user, Instant now, ZoneId zone) {
        requestedAt = now;
        requestedBy = user;
        // As Lino does: the message of Run now is the task's message until the run starts.
        message = user + " requested to run this task at " + show(now, zone) + ".";
        return message;
    }

    /** What Lino writes into the task's message when a run starts. */
    public String startedMessage(Instant start, ZoneId zone) {
        return "Started at " + show(start, zone) + " with logging level " + logLevel.name() + ".";
    }

    /**
     * A run of this task starts now on the node that took a Run now (see {@code Runs.claimRequested}): as the
     * daemon's claim does, it marks the task as running, takes the start and clears the request.
     */
    public void started(long run, Instant now, ZoneId zone) {
        runningRun = run;
        lastStartTime = now;
        message = startedMessage(now, zone);
        requestedAt = null;
        requestedBy = null;
    }

    /** Lino's "Cancel request". */
    public String cancelRequest(String user) {
        requestedAt = null;
        requestedBy = null;
        return user + " cancelled the request to run this task.";
    }

    /** Recomputes when the task runs next; null when its recurrence never fires again. */
    public void reschedule(Instant now, ZoneId defaultZone) {
        Optional<Instant> next = recurrence.schedule(defaultZone).nextRun(lastStartTime, now, runsCount);
        nextRunTime = next.orElse(null);
    }

    /** Closes the running run: called when it ended or was found interrupted. Returns whether it disabled the task. */
    public boolean finish(Instant end, String message, boolean disable, Instant now, ZoneId defaultZone) {
        this.runningRun = null;
        this.lastEndTime = end;
        this.message = message;
        this.runsCount++;
        boolean disabling = disable && !disabled;
        if (disable) {
            this.disabled = true;
        }
        reschedule(now, defaultZone);
        return disabling;
    }

    /** An interrupted run is retried at once rather than waiting for its next slot. */
    public void retryNow(Instant now) {
        nextRunTime = now;
    }

    public String label() {
        return "System task #" + seqno + " (" + name + ")";
    }

    public Long getId() {
        return id;
    }

    public int getSeqno() {
        return seqno;
    }

    public void setSeqno(int seqno) {
        this.seqno = seqno;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProcedure() {
        return procedure;
    }

    public LogLevel getLogLevel() {
        return logLevel;
    }

    public void setLogLevel(LogLevel logLevel) {
        this.logLevel = logLevel;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public Recurrence getRecurrence() {
        return recurrence;
    }

    public void setRecurrence(Recurrence recurrence) {
        this.recurrence = recurrence;
    }

    public long getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public MisfirePolicy getMisfirePolicy() {
        return misfirePolicy;
    }

    public void setMisfirePolicy(MisfirePolicy misfirePolicy) {
        this.misfirePolicy = misfirePolicy;
    }

    public OverlapPolicy getOverlapPolicy() {
        return overlapPolicy;
    }

    public void setOverlapPolicy(OverlapPolicy overlapPolicy) {
        this.overlapPolicy = overlapPolicy;
    }

    public String getParameters() {
        return parameters == null ? "" : parameters;
    }

    public void setParameters(String parameters) {
        this.parameters = parameters;
    }

    public Instant getLastStartTime() {
        return lastStartTime;
    }

    public Instant getLastEndTime() {
        return lastEndTime;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getMessage() {
        return message;
    }

    public Instant getNextRunTime() {
        return nextRunTime;
    }

    void setNextRunTime(Instant nextRunTime) {
        this.nextRunTime = nextRunTime;
    }

    public Long getRunningRun() {
        return runningRun;
    }

    public long getRunsCount() {
        return runsCount;
    }

    public long getLockVersion() {
        return lockVersion;
    }

    public long getRevision() {
        return revision;
    }

    void bumpRevision() {
        revision++;
    }
}
