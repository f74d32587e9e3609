package lino.linod.task;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import lino.linod.recurrence.Recurrence;

/** The store of system tasks. Each public method is one short transaction. */
@Stateless
public class SystemTasks {

    @PersistenceContext(unitName = "linod")
    EntityManager em;

    @Inject
    Event<TaskChanged> changed;

    public List<SystemTask> all() {
        return em.createNamedQuery(SystemTask.ALL, SystemTask.class).getResultList();
    }

    public Optional<SystemTask> find(long id) {
        return Optional.ofNullable(em.find(SystemTask.class, id));
    }

    public List<SystemTask> ofProcedure(String procedure) {
        return em.createNamedQuery(SystemTask.BY_PROCEDURE, SystemTask.class)
                .setParameter("procedure", procedure).getResultList();
    }

    /** Tasks to start now: requested ones (even when disabled) and enabled ones whose next run has come. */
    public List<SystemTask> due(Instant now) {
        return em.createNamedQuery(SystemTask.DUE, SystemTask.class).setParameter("now", now).getResultList();
    }

    /** The earliest next run of a task that is idle and enabled, if any. */
    public Optional<Instant> nextWakeUp() {
        return Optional.ofNullable(em.createNamedQuery(SystemTask.NEXT_WAKE_UP, Instant.class).getSingleResult());
    }

    /**
     * Lino's {@code install_if_needed}: one task for a procedure that has none, with the suggested recurrence;
     * WARNING for procedures that run every few seconds, INFO otherwise.
     */
    public Optional<SystemTask> installIfNeeded(String procedure, Recurrence suggested, Instant now, ZoneId zone) {
        if (!ofProcedure(procedure).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(create(procedure, procedure, suggested, now, zone));
    }

    /** A further task for a procedure (Lino's insert form). */
    public SystemTask create(String name, String procedure, Recurrence recurrence, Instant now, ZoneId zone) {
        LogLevel level = recurrence.unit() == lino.linod.recurrence.Unit.SECONDLY ? LogLevel.WARNING : LogLevel.INFO;
        Integer max = em.createNamedQuery(SystemTask.MAX_SEQNO, Integer.class).getSingleResult();
        SystemTask task = new SystemTask(max == null ? 1 : max + 1, name, procedure, level, recurrence);
        task.reschedule(now, zone);
        em.persist(task);
        em.flush();
        changed.fire(new TaskChanged(task.getId()));
        return task;
    }

    /** A task whose procedure is no longer registered stays, but is never due on its own. */
    public void unschedule(long id) {
        SystemTask task = em.find(SystemTask.class, id);
        if (task != null && task.getNextRunTime() != null) {
            task.setNextRunTime(null);
        }
    }

    /** Recomputes a task's next run, for example after its recurrence or disabled flag changed. */
    public SystemTask reschedule(long id, Instant now, ZoneId zone) {
        SystemTask task = em.find(SystemTask.class, id);
        task.reschedule(now, zone);
        return task;
    }

    /** Lino's "Run now"; returns the message for the user. */
    public Optional<String> requestRun(long id, String user, Instant now, ZoneId zone) {
        changed.fire(new TaskChanged(id));
        return find(id).map(t -> t.requestRun(user, now, zone));
    }

    /** Lino's "Cancel request"; returns the message for the user. */
    public Optional<String> cancelRequest(long id, String user) {
        return find(id).map(t -> t.cancelRequest(user));
    }

    /** Changes what a user may change, all or nothing, and reschedules. */
    public Optional<SystemTask> update(long id, String name, Integer seqno, LogLevel level, Boolean disabled,
            Recurrence recurrence, String parameters, Instant now, ZoneId zone) {
        Optional<SystemTask> found = find(id);
        found.ifPresent(t -> {
            if (name != null) {
                t.setName(name);
            }
            if (seqno != null) {
                t.setSeqno(seqno);
            }
            if (level != null) {
                t.setLogLevel(level);
            }
            if (disabled != null) {
                t.setDisabled(disabled);
            }
            if (recurrence != null) {
                t.setRecurrence(recurrence);
            }
            if (parameters != null) {
                t.setParameters(parameters);
            }
            t.reschedule(now, zone);
            changed.fire(new TaskChanged(id));
        });
        return found;
    }

    public boolean delete(long id) {
        SystemTask task = em.find(SystemTask.class, id);
        if (task == null) {
            return false;
        }
        em.remove(task);
        return true;
    }
}
