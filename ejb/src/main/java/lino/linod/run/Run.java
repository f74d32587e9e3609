package lino.linod.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One start of a system task (Lino's job history). */
@Entity
@Table(name = "LINOD_RUN", indexes = {
        @Index(name = "LINOD_RUN_TASK", columnList = "TASK_ID, START_TIME"),
        @Index(name = "LINOD_RUN_START", columnList = "START_TIME"),
        @Index(name = "LINOD_RUN_OUTCOME", columnList = "OUTCOME, NODE_NAME")})
@NamedQuery(name = Run.OF_TASK, query = "SELECT r FROM Run r WHERE r.taskId = :task ORDER BY r.startTime DESC, r.id DESC")
@NamedQuery(name = Run.RUNNING_ON_NODE, query = "SELECT r FROM Run r WHERE r.outcome = lino.linod.run.Outcome.RUNNING"
        + " AND r.node = :node")
@NamedQuery(name = Run.STOP_REQUESTED, query = "SELECT r.id, r.stopRequestedBy FROM Run r"
        + " WHERE r.outcome = lino.linod.run.Outcome.RUNNING AND r.node = :node AND r.stopRequestedBy IS NOT NULL")
@NamedQuery(name = Run.RUNNING, query = "SELECT r FROM Run r WHERE r.outcome = lino.linod.run.Outcome.RUNNING"
        + " ORDER BY r.startTime")
@NamedQuery(name = Run.LAST_OF_TASKS, query = "SELECT r.taskId, r.id, r.outcome FROM Run r WHERE r.taskId IN :tasks"
        + " AND r.startTime = (SELECT MAX(l.startTime) FROM Run l WHERE l.taskId = r.taskId)")
@NamedQuery(name = Run.DELETE_OLDER, query = "DELETE FROM Run r WHERE r.startTime < :before"
        + " AND r.outcome <> lino.linod.run.Outcome.RUNNING")
public class Run {

    static final String OF_TASK = "Run.ofTask";
    static final String RUNNING_ON_NODE = "Run.runningOnNode";
    static final String RUNNING = "Run.running";
    static final String LAST_OF_TASKS = "Run.lastOfTasks";
    static final String DELETE_OLDER = "Run.deleteOlder";
    static final String STOP_REQUESTED = "Run.stopRequested";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LINOD_IDS")
    private Long id;

    @Column(name = "TASK_ID", nullable = false)
    private Long taskId;

    @Column(name = "TASK_NAME", nullable = false, length = 200)
    private String taskName;

    @Column(name = "START_TIME", nullable = false)
    private Instant startTime;

    @Column(name = "END_TIME")
    private Instant endTime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Outcome outcome = Outcome.RUNNING;

    @Column(name = "CAPTURED_LOG")
    private String log;

    @Column(name = "NODE_NAME", nullable = false, length = 100)
    private String node;

    @Column(name = "RUN_AS", length = 100)
    private String runAs;

    @Column(nullable = false)
    private int progress;

    @Column(name = "PROGRESS_TEXT", length = 500)
    private String progressText;

    /** Who asked this run to stop ({@link #TIMEOUT} for its task's timeout, {@link #NEXT_RUN} for REPLACE). */
    @Column(name = "STOP_REQUESTED_BY", length = 100)
    private String stopRequestedBy;

    @Column(name = "STOP_REQUESTED_AT")
    private Instant stopRequestedAt;

    /** Who stops a run that went on longer than its task's timeout. */
    public static final String TIMEOUT = "timeout";
    /** Who stops a run whose task's next slot came while it ran (overlap policy REPLACE). */
    public static final String NEXT_RUN = "the next run";

    protected Run() {
    }

    Run(Long taskId, String taskName, Instant startTime, String node, String runAs) {
        this.taskId = taskId;
        this.taskName = taskName;
        this.startTime = startTime;
        this.node = node;
        this.runAs = runAs;
    }

    /** When the procedure really started (the claim wrote the instant the daemon woke up), if later. */
    void began(Instant start) {
        if (start != null && start.isAfter(startTime) && (endTime == null || !start.isAfter(endTime))) {
            this.startTime = start;
        }
    }

    void end(Instant end, Outcome outcome, String log) {
        this.endTime = end;
        this.outcome = outcome;
        this.log = log;
        if (outcome == Outcome.SUCCESS) {
            this.progress = 100;
        }
    }

    void progress(int percent, String text) {
        this.progress = Math.max(0, Math.min(100, percent));
        this.progressText = text == null ? null : text.substring(0, Math.min(text.length(), 500));
    }

    public Duration duration() {
        return endTime == null ? null : Duration.between(startTime, endTime);
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getTaskName() {
        return taskName;
    }

    public Instant getStartTime() {
        return startTime;
    }

    public Instant getEndTime() {
        return endTime;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getLog() {
        return log;
    }

    public String getNode() {
        return node;
    }

    public String getRunAs() {
        return runAs;
    }

    public int getProgress() {
        return progress;
    }

    /** Asks this run to stop; false when it ended or was asked already (the first request stands). */
    boolean requestStop(String by, Instant at) {
        if (outcome != Outcome.RUNNING || stopRequestedBy != null) {
            return false;
        }
        stopRequestedBy = by;
        stopRequestedAt = at;
        return true;
    }

    public String getStopRequestedBy() {
        return stopRequestedBy;
    }

    public Instant getStopRequestedAt() {
        return stopRequestedAt;
    }

    public String getProgressText() {
        return progressText;
    }
}
