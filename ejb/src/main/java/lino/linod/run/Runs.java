package lino.linod.run;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lino.linod.task.Change;
import lino.linod.task.SystemTask;

/** The store of runs, and the transactions that start and close them. Each public method is one transaction. */
@Stateless
public class Runs {

    @PersistenceContext(unitName = "linod")
    EntityManager em;

    @Resource
    SessionContext session;

    /**
     * Claims a due task for this node: writes the run and marks the task as running if, and only if, the task
     * still has the version the caller read and no run. Zero rows updated means another node (or a user's change)
     * came first; then nothing is written and the caller looks again at its next tick.
     */
    public Optional<Run> claim(SystemTask seen, Instant now, String node, String runAs) {
        Run run = new Run(seen.getId(), seen.getName(), now, node, runAs);
        em.persist(run);
        em.flush();
        int updated = em.createNamedQuery(SystemTask.CLAIM)
                .setParameter("run", run.getId()).setParameter("now", now)
                .setParameter("id", seen.getId()).setParameter("version", seen.getVersion())
                .executeUpdate();
        if (updated != 1) {
            session.setRollbackOnly();
            return Optional.empty();
        }
        return Optional.of(run);
    }

    /**
     * Closes a run and its task; false (and nothing written) when the run is no longer going on. A user's
     * concurrent change to the task (say, Run now pressed during the run) makes this transaction fail on the
     * version check; the caller retries, so the change is kept.
     */
    public boolean finish(long runId, Outcome outcome, String log, Instant end, ZoneId zone, String daemonUser) {
        Run run = em.find(Run.class, runId);
        if (run == null || run.getOutcome() != Outcome.RUNNING) {
            // Closed meanwhile by another node, which took this one for dead: its record stands.
            return false;
        }
        run.end(end, outcome, log);
        SystemTask task = em.find(SystemTask.class, run.getTaskId());
        if (task != null && runId == nullToZero(task.getRunningRun())) {
            if (task.finish(end, log, outcome == Outcome.FAILED, end, zone)) {
                em.persist(new Change(task.getId(), end, daemonUser, "disabled", false, true));
            }
            if (outcome == Outcome.INTERRUPTED) {
                // Cut short by a stop, not by the procedure: it runs again as soon as a node can.
                task.retryNow(end);
            }
        }
        return true;
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
