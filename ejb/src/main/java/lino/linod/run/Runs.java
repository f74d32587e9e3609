package lino.linod.run;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import lino.linod.task.Change;
import lino.linod.site.ConfiguredDataSource;
import lino.linod.site.Settings;
import lino.linod.task.SystemTask;
import lino.linod.task.TaskChanged;

/** The store of runs, and the transactions that start and close them. Each public method is one transaction. */
@Stateless
public class Runs {

    @PersistenceContext(unitName = "linod")
    EntityManager em;

    @Inject
    Settings settings;

    /**
     * Claims a due task for this node: writes the run and marks the task as running if, and only if, the task
     * still has the version the caller read and no run. Zero rows updated means another node (or a user's change)
     * came first; then nothing is written and the caller looks again at its next tick. (One task of
     * {@link #claimAll}.)
     */
    public Optional<Run> claim(SystemTask seen, Instant now, String node, String runAs) {
        return claimAll(List.of(seen), 1, now, node, runAs, false).stream().findFirst();
    }

    /**
     * Run now on the node that took it, in the request's own transaction (after {@code SystemTasks.requestRun},
     * which locked the task): writes the run and marks the task as running, unless it runs already (then the
     * request stays, as in Lino, and the task runs again after this run). Saves the daemon's look and claim, a
     * second transaction, between a user's Run now and the start.
     */
    public Optional<Run> claimRequested(long id, Instant now, String node, String runAs) {
        SystemTask task = em.find(SystemTask.class, id);
        if (task == null || task.isRunning()) {
            return Optional.empty();
        }
        Run run = new Run(task.getId(), task.getName(), now, node, runAs);
        em.persist(run);
        task.started(run.getId(), now, settings.zone());
        return Optional.of(run);
    }

    /** What Stop run answers: whether the task's run is (now) asked to stop, and the message for the user. */
    public record StopAnswer(boolean asked, String message, Long runId, String node) {
    }

    /**
     * Stop run: asks the task's running run to stop, in the run's row (who and when) and the audit trail; the node
     * that runs it learns it (by {@code NOTIFY} on PostgreSQL) and asks its procedure to stop, then interrupts it
     * after the grace period. Empty when there is no such task; {@code asked} false when it runs nothing.
     */
    public Optional<StopAnswer> requestStop(long taskId, String by, Instant now) {
        SystemTask task = em.find(SystemTask.class, taskId);
        if (task == null) {
            return Optional.empty();
        }
        Run run = task.getRunningRun() == null ? null : em.find(Run.class, task.getRunningRun());
        if (run == null || run.getOutcome() != Outcome.RUNNING) {
            return Optional.of(new StopAnswer(false, "This task has no run going on.", null, null));
        }
        if (!run.requestStop(by, now)) {
            return Optional.of(new StopAnswer(true, run.getStopRequestedBy() + " asked run " + run.getId()
                    + " to stop already.", run.getId(), run.getNode()));
        }
        em.persist(new Change(taskId, now, by, "stopRequested", null, "run " + run.getId()));
        if (ConfiguredDataSource.isPostgres()) {
            em.createNativeQuery("NOTIFY " + TaskChanged.CHANNEL).executeUpdate();
        }
        return Optional.of(new StopAnswer(true, by + " asked run " + run.getId() + " to stop.", run.getId(),
                run.getNode()));
    }

    /** The daemon stops a run itself (its timeout, or its task's next run): written so that its end knows. */
    public void requestStopOfRun(long runId, String by, Instant now) {
        Run run = em.find(Run.class, runId);
        if (run != null && run.requestStop(by, now)) {
            em.persist(new Change(run.getTaskId(), now, by, "stopRequested", null, "run " + runId));
        }
    }

    /** The runs of {@code node} that someone asked to stop, with who asked. */
    public Map<Long, String> stopRequests(String node) {
        Map<Long, String> found = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Run.STOP_REQUESTED, Object[].class).setParameter("node", node)
                .getResultList()) {
            found.put((Long) row[0], (String) row[1]);
        }
        return found;
    }

    /**
     * Claims, in one transaction, up to {@code most} of the due tasks {@code seen} that are still as seen (same
     * version, no run): writes a run for each and marks its task as running. The runs come back in the order of
     * {@code seen}; a task that another node (or a user's change) took first is left out. With {@code skipLocked}
     * (PostgreSQL) the tasks are first locked with {@code FOR UPDATE SKIP LOCKED}: rows that another node is
     * claiming at this moment are passed over instead of waited for, so nodes that look at once share the due tasks
     * without colliding.
     */
    public List<Run> claimAll(List<SystemTask> seen, int most, Instant now, String node, String runAs,
            boolean skipLocked) {
        if (skipLocked && !seen.isEmpty()) {
            return claimLocked(seen, most, now, node, runAs);
        }
        List<Run> claimed = new ArrayList<>();
        for (SystemTask task : seen) {
            if (claimed.size() >= most) {
                break;
            }
            Run run = new Run(task.getId(), task.getName(), now, node, runAs);
            em.persist(run);
            em.flush();
            int updated = em.createNamedQuery(SystemTask.CLAIM)
                    .setParameter("run", run.getId()).setParameter("now", now)
                    .setParameter("message", task.startedMessage(now, settings.zone()))
                    .setParameter("id", task.getId()).setParameter("version", task.getLockVersion())
                    .executeUpdate();
            if (updated == 1) {
                claimed.add(run);
            } else {
                em.remove(run);
            }
        }
        return claimed;
    }

    /**
     * PostgreSQL: locks those of the tasks that are idle, unchanged since seen and not being claimed by another
     * node, then claims them all with three statements whatever their number: the runs' inserts in one batch and
     * one update of the tasks (they are locked and as seen, so each is claimed).
     */
    private List<Run> claimLocked(List<SystemTask> seen, int most, Instant now, String node, String runAs) {
        Set<Long> free = lockFree(seen, most);
        List<Run> claimed = new ArrayList<>();
        Map<Long, String> started = new HashMap<>();
        for (SystemTask task : seen) {
            if (free.contains(task.getId()) && claimed.size() < most) {
                Run run = new Run(task.getId(), task.getName(), now, node, runAs);
                em.persist(run);
                claimed.add(run);
                started.put(task.getId(), task.startedMessage(now, settings.zone()));
            }
        }
        if (claimed.isEmpty()) {
            return claimed;
        }
        em.flush();
        StringBuilder sql = new StringBuilder("UPDATE LINOD_SYSTEM_TASK SET RUNNING_RUN = CASE ID");
        for (int i = 0; i < claimed.size(); i++) {
            sql.append(" WHEN ? THEN ?");
        }
        sql.append(" END, MESSAGE = CASE ID");
        for (int i = 0; i < claimed.size(); i++) {
            sql.append(" WHEN ? THEN ?");
        }
        sql.append(" END, LAST_START_TIME = ?, REQUESTED_AT = NULL, REQUESTED_BY = NULL, VERSION = VERSION + 1"
                + " WHERE RUNNING_RUN IS NULL AND ID IN (");
        for (int i = 0; i < claimed.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        jakarta.persistence.Query update = em.createNativeQuery(sql.toString());
        int p = 1;
        for (Run run : claimed) {
            update.setParameter(p++, run.getTaskId());
            update.setParameter(p++, run.getId());
        }
        for (Run run : claimed) {
            update.setParameter(p++, run.getTaskId());
            update.setParameter(p++, started.get(run.getTaskId()));
        }
        update.setParameter(p++, now.toEpochMilli());
        for (Run run : claimed) {
            update.setParameter(p++, run.getTaskId());
        }
        int updated = update.executeUpdate();
        if (updated != claimed.size()) {
            // Cannot happen while the rows are locked; if it does, nothing of this claim stands.
            throw new IllegalStateException("Claimed " + updated + " of " + claimed.size() + " locked tasks");
        }
        return claimed;
    }

    /** The ids of those tasks that are idle, unchanged since seen, and not being claimed by another node. */
    private Set<Long> lockFree(List<SystemTask> seen, int most) {
        StringBuilder sql = new StringBuilder("SELECT ID, VERSION FROM LINOD_SYSTEM_TASK WHERE RUNNING_RUN IS NULL"
                + " AND ID IN (");
        for (int i = 1; i <= seen.size(); i++) {
            sql.append(i == 1 ? "?" : ", ?").append(i);
        }
        sql.append(") ORDER BY SEQNO, ID LIMIT ").append(Math.max(1, most)).append(" FOR UPDATE SKIP LOCKED");
        jakarta.persistence.Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < seen.size(); i++) {
            query.setParameter(i + 1, seen.get(i).getId());
        }
        Map<Long, Long> versions = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            versions.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
        }
        Set<Long> free = new HashSet<>();
        for (SystemTask task : seen) {
            Long version = versions.get(task.getId());
            if (version != null && version == task.getLockVersion()) {
                free.add(task.getId());
            }
        }
        return free;
    }

    /**
     * Closes a run and its task; false (and nothing written) when the run is no longer going on. A user's
     * concurrent change to the task (say, Run now pressed during the run) makes this transaction fail on the
     * version check; the caller retries, so the change is kept.
     */
    public boolean finish(long runId, Outcome outcome, String log, Instant start, Instant end, ZoneId zone,
            String daemonUser) {
        boolean[] again = new boolean[1];
        boolean written = close(runId, outcome, log, start, end, zone, daemonUser, again);
        tellNodesIf(again[0]);
        return written;
    }

    /**
     * A task that is due again after its run's end is told to every node (PostgreSQL's {@code NOTIFY}, delivered
     * when this transaction commits; no transaction of its own), so that they all know its next due instant: a
     * node that had looked while it ran saw it busy and would sleep past it, and the node that ran it would take
     * it every time.
     */
    private void tellNodesIf(boolean dueAgain) {
        if (dueAgain && ConfiguredDataSource.isPostgres()) {
            em.createNativeQuery("NOTIFY " + TaskChanged.CHANNEL).executeUpdate();
        }
    }

    private boolean close(long runId, Outcome outcome, String log, Instant start, Instant end, ZoneId zone,
            String daemonUser, boolean[] dueAgain) {
        Run run = em.find(Run.class, runId);
        if (run == null || run.getOutcome() != Outcome.RUNNING) {
            // Closed meanwhile by another node, which took this one for dead: its record stands.
            return false;
        }
        run.began(start);
        run.end(end, outcome, log);
        SystemTask task = em.find(SystemTask.class, run.getTaskId());
        if (task != null && runId == nullToZero(task.getRunningRun())) {
            if (task.finish(end, log, outcome == Outcome.FAILED, end, zone)) {
                em.persist(new Change(task.getId(), end, daemonUser, "disabled", false, true));
            }
            if (outcome == Outcome.INTERRUPTED && (run.getStopRequestedBy() == null
                    || Run.NEXT_RUN.equals(run.getStopRequestedBy()))) {
                // Cut short by linod stopping, not by the procedure: it runs again as soon as a node can; so does
                // a run replaced by its task's next one. A run that a user or its timeout stopped waits for its
                // next slot.
                task.retryNow(end);
            }
            dueAgain[0] |= task.getNextRunTime() != null && !task.isDisabled();
        }
        return true;
    }

    /** A run's end as {@link #finishAll} takes it. */
    public record End(long runId, Outcome outcome, String log, Instant start, Instant end) {
    }

    /**
     * Closes several runs and their tasks in one transaction, as {@link #finish} does each; returns for each
     * whether it was written. Any failure rolls all of them back (the caller then records them one by one).
     */
    public List<Boolean> finishAll(List<End> ends, ZoneId zone, String daemonUser) {
        // Two reads for the whole batch: the finds below then come from the persistence context.
        List<Long> runIds = ends.stream().map(End::runId).toList();
        List<Long> taskIds = em.createQuery("SELECT r FROM Run r WHERE r.id IN :ids", Run.class)
                .setParameter("ids", runIds).getResultList().stream().map(Run::getTaskId).distinct().toList();
        if (!taskIds.isEmpty()) {
            em.createQuery("SELECT t FROM SystemTask t WHERE t.id IN :ids", SystemTask.class)
                    .setParameter("ids", taskIds).getResultList();
        }
        List<Boolean> written = new ArrayList<>();
        boolean[] again = new boolean[1];
        for (End e : ends) {
            written.add(close(e.runId(), e.outcome(), e.log(), e.start(), e.end(), zone, daemonUser, again));
        }
        tellNodesIf(again[0]);
        return written;
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }

    public void progress(long runId, int percent, String text) {
        Run run = em.find(Run.class, runId);
        if (run != null) {
            run.progress(percent, text);
        }
    }

    /** Closes as interrupted the runs that this node left running when it stopped or died; returns them. */
    public List<Run> closeInterrupted(String node, Instant now, ZoneId zone, String reason) {
        List<Run> left = em.createNamedQuery(Run.RUNNING_ON_NODE, Run.class).setParameter("node", node)
                .getResultList();
        for (Run run : left) {
            String log = (run.getLog() == null ? "" : run.getLog()) + reason;
            run.end(now, Outcome.INTERRUPTED, log);
            SystemTask task = em.find(SystemTask.class, run.getTaskId());
            if (task != null && run.getId() == nullToZero(task.getRunningRun())) {
                task.finish(now, log, false, now, zone);
                task.retryNow(now);
            }
        }
        return left;
    }

    /** Lino's {@code clear_too_old_job_history}; returns how many runs were deleted. */
    public int deleteOlderThan(Instant before) {
        return em.createNamedQuery(Run.DELETE_OLDER).setParameter("before", before).executeUpdate();
    }

    public Optional<Run> find(long id) {
        return Optional.ofNullable(em.find(Run.class, id));
    }

    /** A task's runs, newest first. */
    public List<Run> ofTask(long taskId, int first, int max) {
        return em.createNamedQuery(Run.OF_TASK, Run.class).setParameter("task", taskId)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * The outcome of each task's newest run (of two started in the same millisecond, the later one), in one query
     * for a page of tasks; a task without runs is not in the map.
     */
    public Map<Long, Outcome> lastOutcomes(Collection<Long> taskIds) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        if (taskIds.isEmpty()) {
            return outcomes;
        }
        Map<Long, Long> newest = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Run.LAST_OF_TASKS, Object[].class).setParameter("tasks", taskIds)
                .getResultList()) {
            long task = ((Number) row[0]).longValue();
            long run = ((Number) row[1]).longValue();
            if (newest.getOrDefault(task, Long.MIN_VALUE) < run) {
                newest.put(task, run);
                outcomes.put(task, (Outcome) row[2]);
            }
        }
        return outcomes;
    }

    public List<Run> running() {
        return em.createNamedQuery(Run.RUNNING, Run.class).getResultList();
    }
}
