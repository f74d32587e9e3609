package lino.linod.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lino.linod.daemon.Daemon;
import lino.linod.site.Settings;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.RecurrenceFields;
import lino.linod.recurrence.Unit;
import lino.linod.recurrence.Violation;
import lino.linod.run.Outcome;
import lino.linod.run.Run;
import lino.linod.run.Runs;
import lino.linod.task.Change;
import lino.linod.task.InvalidInputException;
import lino.linod.task.LogLevel;
import lino.linod.task.MisfirePolicy;
import lino.linod.task.OverlapPolicy;
import lino.linod.task.Policies;
import lino.linod.task.StaleRevisionException;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;
import lino.linod.task.TaskChange;

/** {@code task.xhtml}: one system task — its fields and recurrence, runs, a chart of durations, audit trail. */
@Named
@ViewScoped
public class TaskPage extends Page implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int RUNS_SHOWN = 20;
    /** Where each field's messages go; the keys are the violation field names of the stores. */
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("unit", "unit"), Map.entry("every", "every"), Map.entry("weekdays", "monday"),
            Map.entry("positions", "positions"), Map.entry("startDate", "startDate"),
            Map.entry("startTime", "startTime"), Map.entry("endDate", "endDate"), Map.entry("endTime", "endTime"),
            Map.entry("maxEvents", "maxEvents"), Map.entry("cron", "cron"), Map.entry("zone", "zone"),
            Map.entry("parameters", "parameters"), Map.entry("seqno", "seqno"),
            Map.entry("timeoutSeconds", "timeout"),
            Map.entry("recurrence.every", "every"), Map.entry("recurrence.cron", "cron"));
    /** The newest changes shown; the API pages through all of them. */
    private static final int CHANGES_SHOWN = 200;

    @EJB
    transient SystemTasks tasks;

    @EJB
    transient Runs runs;

    /** Run now: the daemon starts the run on this node when it can. */
    @EJB
    transient Daemon daemon;

    @Inject
    transient ProcedureRegistry registry;

    @Inject
    transient Settings settings;

    @Inject
    transient java.time.Clock clock;

    private Long id;
    private boolean found;
    private long revision;
    private String name;
    private String logLevel;
    private boolean disabled;
    private String parameters;
    /** A typed procedure's parameters, as the form's texts by name, and the mistakes beside them. */
    private final Map<String, String> parameterValues = new java.util.LinkedHashMap<>();
    private final Map<String, String> parameterErrors = new java.util.HashMap<>();
    /** The timeout in seconds, as typed. */
    private String timeout;
    private String misfirePolicy;
    private String overlapPolicy;
    private String unit;
    private String every;
    /** Checked days by their lowercase English name, as the checkbox ids. */
    private final Map<String, Boolean> weekdays = new java.util.HashMap<>();
    private String positions;
    private String startDate;
    private String startTime;
    private String endDate;
    private String endTime;
    private String maxEvents;
    private String cron;
    private String zone;

    /** Called by the view parameter {@code id}. */
    public void load() {
        SystemTask t = id == null ? null : tasks.find(id).orElse(null);
        found = t != null;
        if (!found) {
            error("There is no system task #" + id + ".");
            return;
        }
        revision = t.getRevision();
        name = t.getName();
        logLevel = t.getLogLevel().name();
        disabled = t.isDisabled();
        parameters = t.getParameters();
        parameterValues.clear();
        parameterErrors.clear();
        parameterType().ifPresent(type -> parameterValues.putAll(type.texts(t.getParameters())));
        timeout = String.valueOf(t.getTimeoutSeconds());
        misfirePolicy = t.getMisfirePolicy().name();
        overlapPolicy = t.getOverlapPolicy().name();
        Recurrence r = t.getRecurrence();
        unit = r.unit() == null ? "" : r.unit().linoName();
        every = String.valueOf(r.every());
        for (DayOfWeek d : DayOfWeek.values()) {
            weekdays.put(d.name().toLowerCase(Locale.ROOT), r.weekdays().contains(d));
        }
        positions = String.join(" ", r.positions().stream().map(String::valueOf).toList());
        startDate = r.startDate() == null ? "" : r.startDate().toString();
        startTime = r.startTime() == null ? "" : r.startTime().toString();
        endDate = r.endDate() == null ? "" : r.endDate().toString();
        endTime = r.endTime() == null ? "" : r.endTime().toString();
        maxEvents = r.maxEvents() == null ? "" : String.valueOf(r.maxEvents());
        cron = r.cron() == null ? "" : r.cron();
        zone = r.zone().map(ZoneId::getId).orElse("");
    }

    /** The task as read once per request (the page's getters all ask): {@link #forget()} after a change. */
    private transient SystemTask cached;
    private transient Object cachedFor;

    private transient List<Run> cachedRuns;

    private SystemTask task() {
        Object request = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (request == null || cachedFor != request) {
            cached = tasks.find(id).orElse(null);
            cachedRuns = null;
            cachedFor = request;
        }
        return cached;
    }

    /** The recent runs, read once per request (the table and the chart show them). */
    private List<Run> recentRuns() {
        task();
        if (cachedRuns == null) {
            cachedRuns = found ? runs.ofTask(id, 0, RUNS_SHOWN) : List.of();
        }
        return cachedRuns;
    }

    private void forget() {
        cachedFor = null;
        cached = null;
        cachedRuns = null;
    }

    public void save() {
        if (!found || !mayChange()) {
            return;
        }
        List<Violation> violations = new ArrayList<>();
        Recurrence recurrence = recurrence(violations);
        Long timeoutSeconds = timeoutSeconds(violations);
        if (!violations.isEmpty()) {
            show(violations, FIELDS);
            return;
        }
        parameterErrors.clear();
        String given = parameterType().map(type -> type.fromTexts(parameterValues)).orElse(parameters);
        try {
            // An emptied name comes as null (Faces' empty-as-null): it is a name to refuse, not one to keep.
            tasks.change(id, new TaskChange((Long) revision, name == null ? "" : name, null,
                    LogLevel.valueOf(logLevel), disabled, recurrence, given, null, new Policies(timeoutSeconds,
                    MisfirePolicy.valueOf(misfirePolicy), OverlapPolicy.valueOf(overlapPolicy))), getUser(),
                    clock.instant(), settings.zone());
            forget();
            info("Saved.");
            load();
        } catch (InvalidInputException e) {
            // A parameter's mistake goes beside its field of the parameter form; the others beside theirs.
            List<Violation> others = new ArrayList<>();
            for (Violation v : e.violations()) {
                if (v.field().startsWith("parameters.") && parameterValues.containsKey(v.field().substring(11))) {
                    parameterErrors.merge(v.field().substring(11), v.message(), (a, b) -> a + "; " + b);
                } else {
                    others.add(v);
                }
            }
            show(others, FIELDS);
        } catch (StaleRevisionException e) {
            error(e.getMessage());
        }
    }

    /** The timeout as typed: whole seconds (the store checks the bounds). */
    private Long timeoutSeconds(List<Violation> violations) {
        String typed = timeout == null ? "" : timeout.trim();
        try {
            return Long.parseLong(typed);
        } catch (NumberFormatException e) {
            violations.add(new Violation("timeoutSeconds", "must be a whole number of seconds"));
            return null;
        }
    }

    /** Reads the recurrence fields as typed, where the API reads its own; every mistake a violation on its field. */
    private Recurrence recurrence(List<Violation> violations) {
        List<String> days = weekdays.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        List<String> listed = positions == null || positions.isBlank() ? List.of()
                : List.of(positions.trim().split("[\\s,]+"));
        return new RecurrenceFields(unit, every, days, listed, startDate, startTime, endDate, endTime, maxEvents,
                cron, zone).read(violations);
    }

    public void runNow() {
        if (found && mayChange()) {
            daemon.runNow(id, getUser()).ifPresent(Page::info);
            forget();
        }
    }

    public void cancelRequest() {
        if (found && mayChange()) {
            tasks.cancelRequest(id, getUser(), clock.instant()).ifPresent(Page::info);
            forget();
        }
    }

    /** The Ajax refresh of the live parts (status, runs). */
    public void refresh() {
        // Nothing to keep: the live parts read the database when they render.
    }

    public String getStatus() {
        SystemTask t = task();
        return t == null ? "" : t.status(clock.instant(), settings.zone(), registry.find(t.getProcedure()).isPresent());
    }

    public String getWhen() {
        SystemTask t = task();
        return t == null ? "" : t.getRecurrence().whenText();
    }

    public String getLastMessage() {
        SystemTask t = task();
        return t == null || t.getMessage() == null ? "" : t.getMessage();
    }

    /** The parameter type of the task's procedure, if it declares one (a task class). */
    private java.util.Optional<lino.linod.procedure.ParameterType> parameterType() {
        SystemTask t = task();
        return t == null ? java.util.Optional.empty() : registry.find(t.getProcedure())
                .map(lino.linod.procedure.ProcedureInfo::parameters);
    }

    /** Whether the task's parameters are typed: the page shows a field per parameter instead of a text. */
    public boolean isTyped() {
        return parameterType().isPresent();
    }

    /** Lino's task class of the task's procedure. */
    public String getTaskClass() {
        SystemTask t = task();
        return t == null ? "" : registry.find(t.getProcedure()).map(lino.linod.procedure.ProcedureInfo::taskClass)
                .orElse(lino.linod.procedure.ProcedureInfo.TASK_CLASS);
    }

    public List<lino.linod.procedure.ParameterType.Field> getParameterFields() {
        return parameterType().map(lino.linod.procedure.ParameterType::fields).orElse(List.of());
    }

    public Map<String, String> getParameterValues() {
        return parameterValues;
    }

    public Map<String, String> getParameterErrors() {
        return parameterErrors;
    }

    /** Whether a run of the task goes on (Stop run is offered). */
    public boolean isRunning() {
        SystemTask t = task();
        return t != null && t.isRunning();
    }

    public void stopRun() {
        if (found && mayChange()) {
            daemon.stopRun(id, getUser()).ifPresent(a -> {
                if (a.asked()) {
                    info(a.message());
                } else {
                    error(a.message());
                }
            });
            forget();
        }
    }

    public boolean isRequested() {
        SystemTask t = task();
        return t != null && t.getRequestedAt() != null;
    }

    public String getProcedure() {
        SystemTask t = task();
        return t == null ? "" : t.getProcedure();
    }

    /** Lino's No. */
    public String getSeqno() {
        SystemTask t = task();
        return t == null ? "" : String.valueOf(t.getSeqno());
    }

    public String getRequestedAt() {
        SystemTask t = task();
        return t == null || t.getRequestedAt() == null ? "" : show(t.getRequestedAt(), settings.zone());
    }

    public String getLastStart() {
        SystemTask t = task();
        return t == null || t.getLastStartTime() == null ? "" : show(t.getLastStartTime(), settings.zone());
    }

    public String getLastEnd() {
        SystemTask t = task();
        return t == null || t.getLastEndTime() == null ? "" : show(t.getLastEndTime(), settings.zone());
    }

    /** A run as shown in the history table. */
    public record RunRow(long id, String start, String duration, String outcome, String log, int progress,
            String progressText, boolean running) {
    }

    public List<RunRow> getRuns() {
        if (!found) {
            return List.of();
        }
        return recentRuns().stream().map(r -> new RunRow(r.getId(),
                show(r.getStartTime(), settings.zone()), duration(r.duration()), r.getOutcome().name(),
                r.getLog() == null ? "" : r.getLog(), r.getProgress(),
                r.getProgressText() == null ? "" : r.getProgressText(), r.getOutcome() == Outcome.RUNNING))
                .toList();
    }

    private static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Recent run durations as bars, oldest on the left: plain SVG made here, no script, no external asset. */
    public String getDurationChart() {
        List<Run> recent = recentRuns();
        List<Run> done = new ArrayList<>(recent.stream().filter(r -> r.getEndTime() != null).toList());
        java.util.Collections.reverse(done);
        int width = 400;
        int height = 100;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height + 20).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height + 20).append("\"><title>Durations of the last ").append(done.size())
                .append(" runs</title>");
        long longest = done.stream().mapToLong(r -> r.duration().toMillis()).max().orElse(0);
        if (done.isEmpty()) {
            svg.append("<text x=\"10\" y=\"50\" font-size=\"13\">No finished runs yet.</text>");
        }
        double slot = (double) width / Math.max(done.size(), 1);
        for (int i = 0; i < done.size(); i++) {
            Run r = done.get(i);
            long ms = r.duration().toMillis();
            double h = longest == 0 ? 1 : Math.max(1, ms * (double) height / longest);
            String colour = switch (r.getOutcome()) {
                case FAILED -> "#a4000f";
                case WARNING -> "#8a5300";
                case INTERRUPTED -> "#6b7280";
                default -> "#1d6b2b";
            };
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%d ms, %s</title></rect>",
                    i * slot + 2, height - h, Math.max(slot - 4, 1), h, colour, ms, r.getOutcome().name()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"12\">longest: %d ms</text>",
                height + 16, longest));
        return svg.append("</svg>").toString();
    }

    /** An audit trail line as shown. */
    public record ChangeRow(String at, String user, String field, String oldValue, String newValue) {
    }

    public List<ChangeRow> getChanges() {
        if (!found) {
            return List.of();
        }
        List<ChangeRow> rows = new ArrayList<>();
        for (Change c : tasks.changes(id, 0, CHANGES_SHOWN)) {
            rows.add(new ChangeRow(show(c.getAt(), settings.zone()), c.getUser(), c.getField(),
                    c.getOldValue() == null ? "" : c.getOldValue(), c.getNewValue() == null ? "" : c.getNewValue()));
        }
        return rows;
    }

    public List<String> getUnits() {
        List<String> units = new ArrayList<>();
        units.add("");
        for (Unit u : Unit.values()) {
            units.add(u.linoName());
        }
        return units;
    }

    public LogLevel[] getLogLevels() {
        return LogLevel.values();
    }

    public MisfirePolicy[] getMisfirePolicies() {
        return MisfirePolicy.values();
    }

    public OverlapPolicy[] getOverlapPolicies() {
        return OverlapPolicy.values();
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public String getMisfirePolicy() {
        return misfirePolicy;
    }

    public void setMisfirePolicy(String misfirePolicy) {
        this.misfirePolicy = misfirePolicy;
    }

    public String getOverlapPolicy() {
        return overlapPolicy;
    }

    public void setOverlapPolicy(String overlapPolicy) {
        this.overlapPolicy = overlapPolicy;
    }

    public Map<String, Boolean> getWeekdays() {
        return weekdays;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public boolean isFound() {
        return found;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLogLevel() {
        return logLevel;
    }

    public void setLogLevel(String logLevel) {
        this.logLevel = logLevel;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public String getParameters() {
        return parameters;
    }

    public void setParameters(String parameters) {
        this.parameters = parameters;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getEvery() {
        return every;
    }

    public void setEvery(String every) {
        this.every = every;
    }

    public String getPositions() {
        return positions;
    }

    public void setPositions(String positions) {
        this.positions = positions;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getMaxEvents() {
        return maxEvents;
    }

    public void setMaxEvents(String maxEvents) {
        this.maxEvents = maxEvents;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
