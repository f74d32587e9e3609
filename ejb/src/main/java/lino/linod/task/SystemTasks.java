package lino.linod.task;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import lino.linod.procedure.ParameterType;
import lino.linod.procedure.ProcedureInfo;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Unit;
import lino.linod.recurrence.Violation;
import lino.linod.site.ConfiguredDataSource;
import lino.linod.site.Settings;

/**
 * The store of system tasks. Each public method is one short transaction. A user's change locks the task's row
 * for its few milliseconds, so that it never interleaves with the daemon's own writes (claim, end of a run): no
 * update is lost on either side, and the daemon's writes do not make the user's version stale.
 */
@Stateless
public class SystemTasks {

    @PersistenceContext(unitName = "linod")
    EntityManager em;

    @Inject
    Event<TaskChanged> changed;

    @Inject
    ProcedureRegistry registry;

    @Inject
    Settings settings;

    @Inject
    jakarta.validation.Validator validator;

    Limits limits() {
        return new Limits(settings.maxTasks(), settings.shortestInterval());
    }

    /** Every task, in No. order: only for work that needs each of them (renumbering); lists use {@link #list}. */
    public List<SystemTask> all() {
        return em.createNamedQuery(SystemTask.ALL, SystemTask.class).getResultList();
    }

    /**
     * One page of a list of tasks: {@code max} tasks from the {@code first}, and how many the whole list has. Two
     * queries (the page, the count) whatever the number of tasks; the filters and the order are the database's.
     */
    public TaskList.Page list(TaskList list, int first, int max) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        switch (list.state()) {
            case ENABLED -> {
                where.add("t.disabled = :disabled");
                parameters.put("disabled", false);
            }
            case DISABLED -> {
                where.add("t.disabled = :disabled");
                parameters.put("disabled", true);
            }
            case RUNNING -> where.add("t.runningRun IS NOT NULL");
            case REQUESTED -> where.add("t.requestedAt IS NOT NULL");
            // Named in the query, not imported: the task package stays below the run package.
            case FAILED -> where.add("EXISTS (SELECT r.id FROM Run r WHERE r.taskId = t.id"
                    + " AND r.outcome = lino.linod.run.Outcome.FAILED"
                    + " AND r.startTime = (SELECT MAX(l.startTime) FROM Run l WHERE l.taskId = t.id))");
            default -> {
            }
        }
        if (list.procedure() != null) {
            where.add("t.procedure = :procedure");
            parameters.put("procedure", list.procedure());
        }
        if (list.text() != null) {
            where.add("LOWER(t.name) LIKE :text ESCAPE '!'");
            parameters.put("text", "%" + list.text().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        String dir = list.descending() ? " DESC" : " ASC";
        // A sort key that is not a column is a result variable: JPQL orders by those, not by any expression.
        String select = switch (list.sort()) {
            case SEQNO -> "SELECT t, t.seqno AS k FROM SystemTask t" + filter + " ORDER BY k" + dir + ", t.id" + dir;
            case NAME -> "SELECT t, LOWER(t.name) AS k FROM SystemTask t" + filter + " ORDER BY k" + dir + ", t.id"
                    + dir;
            // Lino's order of the status texts: running, requested, disabled, not scheduled, scheduled by next run.
            // A flag is a column of its own here: in the select clause EclipseLink writes TRUE as 1 on Derby.
            case STATUS -> "SELECT t, CASE WHEN t.runningRun IS NOT NULL THEN 0 WHEN t.requestedAt IS NOT NULL THEN 1"
                    + " ELSE 2 END AS k, CASE WHEN t.nextRunTime IS NULL THEN 0 ELSE 1 END AS n FROM SystemTask t"
                    + filter + " ORDER BY k" + dir + ", t.disabled" + (list.descending() ? " ASC" : " DESC") + ", n"
                    + dir + ", t.nextRunTime" + dir + ", t.id" + dir;
            // Both databases sort a missing next run after every instant.
            case NEXT_RUN -> "SELECT t, t.id AS k FROM SystemTask t" + filter + " ORDER BY t.nextRunTime" + dir
                    + ", k" + dir;
        };
        TypedQuery<Object[]> page = em.createQuery(select, Object[].class).setFirstResult(first).setMaxResults(max);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(t) FROM SystemTask t" + filter, Long.class);
        parameters.forEach((name, value) -> {
            page.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<SystemTask> tasks = page.getResultList().stream().map(row -> (SystemTask) row[0]).toList();
        long total = tasks.isEmpty() && first == 0 ? 0 : count.getSingleResult();
        return new TaskList.Page(tasks, total);
    }

    /** How many tasks each procedure has; a procedure without tasks is not in the map. */
    public Map<String, Long> countsByProcedure() {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(SystemTask.COUNT_BY_PROCEDURE, Object[].class).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The tasks whose procedure is none of these (all tasks when none is given). */
    public List<SystemTask> unresolved(Collection<String> procedures) {
        if (procedures.isEmpty()) {
            return all();
        }
        return em.createNamedQuery(SystemTask.UNRESOLVED, SystemTask.class).setParameter("procedures", List.copyOf(procedures))
                .getResultList();
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

    /**
     * At most {@code limit} due tasks, the first in No. order (a node reads no more than it has slots for), and,
     * when none is due, the earliest next run; one transaction. (When some are due, the next run is read after
     * they are claimed: it is not known before.)
     */
    public Look look(Instant now, int limit) {
        List<SystemTask> due = em.createNamedQuery(SystemTask.DUE, SystemTask.class).setParameter("now", now)
                .setMaxResults(Math.max(1, limit)).getResultList();
        return new Look(due, due.isEmpty() ? nextWakeUp() : Optional.empty());
    }

    /** What the daemon sees when it looks; {@code next} only when nothing is due. */
    public record Look(List<SystemTask> due, Optional<Instant> next) {
    }

    /** The earliest next run of a task that is idle and enabled, if any. */
    public Optional<Instant> nextWakeUp() {
        return Optional.ofNullable(em.createNamedQuery(SystemTask.NEXT_WAKE_UP, Instant.class).getSingleResult());
    }

    /** The whole audit trail of a task, newest first. */
    public List<Change> changes(long id) {
        return em.createNamedQuery(Change.OF_TASK, Change.class).setParameter("task", id).getResultList();
    }

    /** The audit trail of a task, newest first: {@code max} changes from the {@code first}. */
    public List<Change> changes(long id, int first, int max) {
        return em.createNamedQuery(Change.OF_TASK, Change.class).setParameter("task", id).setFirstResult(first)
                .setMaxResults(max).getResultList();
    }

    /**
     * Lino's {@code install_if_needed}: for a procedure that has no task, one task named after it (or its
     * {@code @InitialTask}s), with the suggested recurrence; WARNING for procedures that run every few seconds,
     * INFO otherwise; a typed procedure's task gets its initial or default parameters. Returns what it made.
     */
    public List<SystemTask> installIfNeeded(String procedure, Recurrence suggested, String user, Instant now,
            ZoneId zone) {
        if (!em.createNamedQuery(SystemTask.BY_PROCEDURE, SystemTask.class).setParameter("procedure", procedure)
                .setMaxResults(1).getResultList().isEmpty()) {
            return List.of();
        }
        Optional<ProcedureInfo> info = registry.find(procedure);
        List<ProcedureInfo.Initial> initial = info.map(ProcedureInfo::initialTasks).orElse(List.of());
        if (initial.isEmpty()) {
            String parameters = info.filter(ProcedureInfo::typed).map(i -> i.parameters().defaults()).orElse(null);
            return List.of(insert(procedure, procedure, suggested, parameters, user, now, zone));
        }
        List<SystemTask> made = new ArrayList<>();
        for (ProcedureInfo.Initial task : initial) {
            String parameters = task.parameters();
            if (info.get().typed()) {
                List<Violation> wrong = new ArrayList<>();
                String checked = typedParameters(info.get(), parameters, wrong);
                parameters = checked != null ? checked : parameters;
            }
            made.add(insert(task.name(), procedure, suggested, parameters, user, now, zone));
        }
        return made;
    }

    /**
     * A typed procedure's parameters given as a JSON object's text (null: the type's defaults): read, checked with
     * Jakarta Validation and written as stored; each mistake a violation named {@code parameters.NAME}.
     */
    private String typedParameters(ProcedureInfo info, String given, List<Violation> violations) {
        ParameterType type = info.parameters();
        ParameterType.Read read = type.read(given == null ? type.defaults() : given, validator);
        if (!read.valid()) {
            violations.addAll(read.violations());
            return null;
        }
        return type.write(read.value());
    }

    /**
     * A further task for a registered procedure (Lino's insert form), within the site's limits: at most
     * {@code max_tasks} tasks, none running more often than {@code shortest_interval}.
     *
     * @throws TooManyTasksException when the site has {@code max_tasks} tasks already
     */
    public SystemTask create(String name, String procedure, Recurrence recurrence, String user, Instant now,
            ZoneId zone) {
        return create(NewTask.of(procedure, name, recurrence), user, now, zone);
    }

    /** Creates a task with all its settings in one transaction: it never runs with defaults meant to change. */
    public SystemTask create(NewTask wanted, String user, Instant now, ZoneId zone) {
        List<Violation> violations = new ArrayList<>();
        String procedure = wanted.procedure();
        if (procedure == null || registry.find(procedure).isEmpty()) {
            violations.add(new Violation("procedure", "unknown procedure '" + procedure + "'"));
        }
        String name = wanted.name() == null ? procedure : wanted.name();
        checkName(name, violations);
        checkSeqno(wanted.seqno(), violations);
        Optional<ProcedureInfo> info = procedure == null ? Optional.empty() : registry.find(procedure);
        String parameters = wanted.parameters();
        if (info.isPresent() && info.get().typed()) {
            parameters = typedParameters(info.get(), parameters, violations);
        } else if (parameters != null) {
            checkText("parameters", parameters, TaskChange.PARAMETERS_LENGTH, true, violations);
        }
        wanted.policies().check(violations);
        Recurrence recurrence = wanted.recurrence();
        if (recurrence == null && violations.isEmpty()) {
            recurrence = registry.find(procedure).map(ProcedureInfo::suggested)
                    .orElse(Recurrence.every(1, Unit.DAILY));
        }
        if (wanted.recurrence() != null) {
            limits().tooOften(wanted.recurrence(), now, zone).ifPresent(v -> violations.add(
                    new Violation("recurrence." + v.field(), v.message())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        oneAtATime();
        limits().checkRoomForOneMore(em.createNamedQuery(SystemTask.COUNT, Long.class).getSingleResult());
        return insert(name, procedure, recurrence, new NewTask(procedure, name, wanted.seqno(), wanted.logLevel(),
                wanted.disabled(), recurrence, parameters, wanted.policies()), user, now, zone);
    }

    private SystemTask insert(String name, String procedure, Recurrence recurrence, String parameters, String user,
            Instant now, ZoneId zone) {
        return insert(name, procedure, recurrence, new NewTask(procedure, name, null, null, null, recurrence,
                parameters), user, now, zone);
    }

    private SystemTask insert(String name, String procedure, Recurrence recurrence, NewTask wanted, String user,
            Instant now, ZoneId zone) {
        LogLevel level = wanted.logLevel() != null ? wanted.logLevel()
                : recurrence.unit() == Unit.SECONDLY ? LogLevel.WARNING : LogLevel.INFO;
        int seqno;
        if (wanted.seqno() != null) {
            seqno = wanted.seqno();
        } else {
            Integer max = em.createNamedQuery(SystemTask.MAX_SEQNO, Integer.class).getSingleResult();
            if (max != null && max >= TaskChange.MAX_SEQNO) {
                max = renumber(user, now);
            }
            seqno = max == null ? 1 : max + 1;
        }
        SystemTask task = new SystemTask(seqno, name, procedure, level, recurrence);
        if (Boolean.TRUE.equals(wanted.disabled())) {
            task.setDisabled(true);
        }
        if (wanted.parameters() != null) {
            task.setParameters(wanted.parameters());
        }
        Policies policies = wanted.policies();
        if (policies.timeoutSeconds() != null) {
            task.setTimeoutSeconds(policies.timeoutSeconds());
        }
        if (policies.misfirePolicy() != null) {
            task.setMisfirePolicy(policies.misfirePolicy());
        }
        if (policies.overlapPolicy() != null) {
            task.setOverlapPolicy(policies.overlapPolicy());
        }
        if (registry.find(procedure).isPresent()) {
            task.reschedule(now, zone);
        }
        em.persist(task);
        em.flush();
        em.persist(new Change(task.getId(), now, user, "created", null, recurrence.suggestedText()));
        changed(task.getId());
        return task;
    }

    private static void checkSeqno(Integer seqno, List<Violation> violations) {
        if (seqno != null && (seqno < 1 || seqno > TaskChange.MAX_SEQNO)) {
            violations.add(new Violation("seqno", "must be between 1 and " + TaskChange.MAX_SEQNO));
        }
    }

    /**
     * Numbers the tasks 1, 2, 3… in their present order, so that a new task can come last even after somebody
     * gave one the highest allowed No. Returns the highest number given.
     */
    private int renumber(String user, Instant now) {
        int seqno = 0;
        for (SystemTask t : all()) {
            seqno++;
            if (t.getSeqno() != seqno) {
                em.lock(t, LockModeType.PESSIMISTIC_WRITE);
                renumbered(t, seqno, user, now);
            }
        }
        return seqno;
    }

    private void renumbered(SystemTask task, int seqno, String user, Instant now) {
        em.persist(new Change(task.getId(), now, user, "seqno", task.getSeqno(), seqno));
        task.setSeqno(seqno);
        task.bumpRevision();
    }

    /**
     * Creates and moves go one at a time, site-wide: the count of tasks and the numbers they read stay true until
     * they commit. The lock is the site's row in {@code LINOD_SITE} (written at the first start), held until the
     * end of the transaction on every database.
     */
    private void oneAtATime() {
        em.createNativeQuery("UPDATE LINOD_SITE SET SETTING_VALUE = SETTING_VALUE WHERE NAME = 'zone'")
                .executeUpdate();
    }

    /**
     * Lino's Move up / Move down: swaps the No. of the task with its neighbour's in No. order, in one transaction,
     * so the two always end with distinct numbers. Two tasks that share a No. (set so through the API) are first
     * told apart by numbering all tasks 1, 2, 3… in their present order. Nothing happens at either end of the list.
     *
     * @param up towards No. 1
     * @return false when there is no such task
     */
    public boolean move(long id, boolean up, String user, Instant now) {
        oneAtATime();
        SystemTask task = em.find(SystemTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            return false;
        }
        SystemTask other = neighbour(task, up);
        if (other == null) {
            return true;
        }
        em.refresh(other, LockModeType.PESSIMISTIC_WRITE);
        if (other.getSeqno() == task.getSeqno()) {
            renumber(user, now);
        }
        int mine = task.getSeqno();
        renumbered(task, other.getSeqno(), user, now);
        renumbered(other, mine, user, now);
        changed(task.getId());
        changed(other.getId());
        return true;
    }

    private SystemTask neighbour(SystemTask task, boolean up) {
        List<SystemTask> found = em.createNamedQuery(up ? SystemTask.ABOVE : SystemTask.BELOW, SystemTask.class)
                .setParameter("seqno", task.getSeqno()).setParameter("id", task.getId()).setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Lino's SetupTasks ("adjust the database objects to the latest changes"), as a user's action: a task for each
     * registered procedure that has none (as at the start: its suggested recurrence, named after it), and each
     * task whose procedure is no longer registered kept but made never due on its own. What it changes goes to
     * the audit trail as done by {@code user}: "created" for a new task, "procedure" ("not registered") for a
     * task it took off the schedule. One transaction.
     */
    public Setup setup(String user, Instant now, ZoneId zone) {
        List<SystemTask> created = new ArrayList<>();
        registry.procedures().values().stream()
                .sorted(java.util.Comparator.comparing(lino.linod.procedure.ProcedureInfo::name))
                .forEach(p -> created.addAll(installIfNeeded(p.name(), p.suggested(), user, now, zone)));
        List<SystemTask> unresolved = unresolved(registry.procedures().keySet());
        for (SystemTask task : unresolved) {
            if (task.getNextRunTime() != null) {
                task.setNextRunTime(null);
                em.persist(new Change(task.getId(), now, user, "procedure", task.getProcedure(), "not registered"));
                changed(task.getId());
            }
        }
        return new Setup(created, unresolved);
    }

    /** What {@link #setup} did: the tasks it created, and the tasks whose procedure is not registered. */
    public record Setup(List<SystemTask> created, List<SystemTask> unresolved) {

        /** Says it in a sentence, as Lino's actions do. */
        public String message() {
            String made = created.isEmpty() ? "No task to create."
                    : "Created " + created.stream().map(SystemTask::label).collect(java.util.stream.Collectors
                            .joining(", ")) + ".";
            return unresolved.isEmpty() ? made : made + " " + unresolved.size() + (unresolved.size() == 1
                    ? " task has a procedure that is" : " tasks have a procedure that is") + " not registered: "
                    + unresolved.stream().map(SystemTask::label).collect(java.util.stream.Collectors.joining(", "))
                    + ".";
        }
    }

    /** A task whose procedure is no longer registered stays, but is never due on its own. */
    /**
     * Misfire policy SKIP: the task's slot {@code missed} was not taken in time; nothing runs for it, and the task
     * waits for its first slot after {@code now}. False when the task changed meanwhile (it is looked at again).
     */
    public boolean skipMissed(long id, Instant missed, String user, Instant now, ZoneId zone) {
        SystemTask task = em.find(SystemTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null || task.isRunning() || task.getRequestedAt() != null || !missed.equals(task.getNextRunTime())) {
            return false;
        }
        Instant next = task.getRecurrence().schedule(zone).nextRun(now, now, task.getRunsCount()).orElse(null);
        task.setNextRunTime(next);
        em.persist(new Change(id, now, user, "nextRunTime", missed, next));
        return true;
    }

    /** Whether a task of one of {@code procedures} is running (run_after). */
    public boolean anyRunning(java.util.Collection<String> procedures) {
        return em.createNamedQuery(SystemTask.RUNNING_OF, Long.class).setParameter("procedures", procedures)
                .getSingleResult() > 0;
    }

    public void unschedule(long id) {
        SystemTask task = em.find(SystemTask.class, id);
        if (task != null && task.getNextRunTime() != null) {
            task.setNextRunTime(null);
        }
    }

    /**
     * Changes what a user may change, all or nothing: the given version must be the current one, every value
     * must be valid, and each changed field is written to the audit trail.
     */
    public Optional<SystemTask> change(long id, TaskChange change, String user, Instant now, ZoneId zone) {
        SystemTask task = em.find(SystemTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            return Optional.empty();
        }
        // HTTP's precondition first (RFC 9110 13.2.2), then the revision the change names.
        if (change.precondition() != null && !change.precondition().test(task)) {
            throw new StaleRevisionException();
        }
        if (change.expectedRevision() != null && task.getRevision() != change.expectedRevision()) {
            throw new StaleRevisionException(change.expectedRevision(), task.getRevision());
        }
        List<Violation> violations = new ArrayList<>();
        if (change.name() != null) {
            checkName(change.name(), violations);
        }
        checkSeqno(change.seqno(), violations);
        change.policies().check(violations);
        String parameters = change.parameters();
        Optional<ProcedureInfo> info = registry.find(task.getProcedure());
        if (parameters != null && info.isPresent() && info.get().typed()) {
            parameters = typedParameters(info.get(), parameters.isEmpty() ? "{}" : parameters, violations);
        } else if (parameters != null) {
            checkText("parameters", parameters, TaskChange.PARAMETERS_LENGTH, true, violations);
        }
        if (change.recurrence() != null && !change.recurrence().equals(task.getRecurrence())) {
            limits().tooOften(change.recurrence(), now, zone).ifPresent(v -> violations.add(
                    new Violation("recurrence." + v.field(), v.message())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Audit audit = new Audit(task.getId(), now, user);
        if (change.name() != null && audit.record("name", task.getName(), change.name())) {
            task.setName(change.name());
        }
        if (change.seqno() != null && audit.record("seqno", task.getSeqno(), change.seqno())) {
            task.setSeqno(change.seqno());
        }
        if (change.logLevel() != null && audit.record("logLevel", task.getLogLevel(), change.logLevel())) {
            task.setLogLevel(change.logLevel());
        }
        if (change.disabled() != null && audit.record("disabled", task.isDisabled(), change.disabled())) {
            task.setDisabled(change.disabled());
        }
        if (change.recurrence() != null && audit.record("recurrence", task.getRecurrence().suggestedText(),
                change.recurrence().suggestedText())) {
            task.setRecurrence(change.recurrence());
        }
        if (parameters != null && audit.record("parameters", task.getParameters(), parameters)) {
            task.setParameters(parameters);
        }
        Policies policies = change.policies();
        if (policies.timeoutSeconds() != null
                && audit.record("timeoutSeconds", task.getTimeoutSeconds(), policies.timeoutSeconds())) {
            task.setTimeoutSeconds(policies.timeoutSeconds());
        }
        if (policies.misfirePolicy() != null
                && audit.record("misfirePolicy", task.getMisfirePolicy(), policies.misfirePolicy())) {
            task.setMisfirePolicy(policies.misfirePolicy());
        }
        if (policies.overlapPolicy() != null
                && audit.record("overlapPolicy", task.getOverlapPolicy(), policies.overlapPolicy())) {
            task.setOverlapPolicy(policies.overlapPolicy());
        }
        if (!audit.changes.isEmpty()) {
            audit.changes.forEach(em::persist);
            task.bumpRevision();
            task.reschedule(now, zone);
            changed(id);
        }
        return Optional.of(task);
    }

    /** Lino's "Run now"; returns the message for the user. */
    public Optional<String> requestRun(long id, String user, Instant now, ZoneId zone) {
        SystemTask task = em.find(SystemTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            return Optional.empty();
        }
        Instant before = task.getRequestedAt();
        String message = task.requestRun(user, now, zone);
        em.persist(new Change(id, now, user, "requestedAt", before, now));
        changed(id);
        return Optional.of(message);
    }

    /** Lino's "Cancel request"; returns the message for the user. */
    public Optional<String> cancelRequest(long id, String user, Instant now) {
        SystemTask task = em.find(SystemTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            return Optional.empty();
        }
        Instant before = task.getRequestedAt();
        String message = task.cancelRequest(user);
        if (before != null) {
            em.persist(new Change(id, now, user, "requestedAt", before, null));
            changed(id);
        }
        return Optional.of(message);
    }

    /** Deletes a task (its runs and audit trail stay); false when there is no such task. */
    public boolean delete(long id, Predicate<SystemTask> precondition, String user, Instant now) {
        SystemTask task = em.find(SystemTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            return false;
        }
        if (precondition != null && !precondition.test(task)) {
            throw new StaleRevisionException();
        }
        em.persist(new Change(id, now, user, "deleted", task.label(), null));
        em.remove(task);
        return true;
    }

    /**
     * Tells this node (by the event, once the transaction has committed) and, on PostgreSQL, every node (a
     * {@code NOTIFY} inside this transaction, delivered at its commit) that task {@code id} changed. The notice
     * goes with the change: no connection and no thread of its own after the commit.
     */
    private void changed(long id) {
        changed.fire(new TaskChanged(id));
        if (ConfiguredDataSource.isPostgres()) {
            em.createNativeQuery("NOTIFY " + TaskChanged.CHANNEL).executeUpdate();
        }
    }

    private static void checkName(String name, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "must not be empty"));
            return;
        }
        checkText("name", name, SystemTask.NAME_LENGTH, false, violations);
    }

    private static void checkText(String field, String text, int max, boolean newlines, List<Violation> out) {
        if (text.length() > max) {
            out.add(new Violation(field, "must be at most " + max + " characters"));
        }
        if (text.chars().anyMatch(c -> c < 0x20 && !(newlines && (c == '\n' || c == '\r' || c == '\t')))) {
            out.add(new Violation(field, "must not contain control characters"));
        }
    }

    /** Collects the changed fields of one user action. */
    private static final class Audit {

        private final long taskId;
        private final Instant at;
        private final String user;
        private final List<Change> changes = new ArrayList<>();

        Audit(long taskId, Instant at, String user) {
            this.taskId = taskId;
            this.at = at;
            this.user = user;
        }

        boolean record(String field, Object before, Object after) {
            if (Objects.equals(before, after)) {
                return false;
            }
            changes.add(new Change(taskId, at, user, field, before, after));
            return true;
        }
    }
}
