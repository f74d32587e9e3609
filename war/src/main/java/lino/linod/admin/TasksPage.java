package lino.linod.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lino.linod.site.Settings;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.run.Run;
import lino.linod.run.Runs;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;

/** {@code tasks.xhtml}: Lino's System tasks table, live, with Run now, Cancel request and move up/down. */
@Named
@ViewScoped
public class TasksPage extends Page implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SystemTasks tasks;

    @EJB
    transient Runs runs;

    @Inject
    transient ProcedureRegistry registry;

    @Inject
    transient Settings settings;

    @Inject
    transient Clock clock;

    private String filter = "";
    private String state = "all";
    private String sort = "seqno";
    private boolean descending;
    private int refreshed;
    private List<Row> rows = List.of();

    /** One line of the table, as shown. */
    public record Row(long id, int seqno, String name, String level, boolean disabled, String status,
            String procedure, String nextRun, Instant nextRunTime, String lastOutcome, boolean requested,
            boolean running, boolean failed, long version) implements Serializable {
    }

    @PostConstruct
    void load() {
        Instant now = clock.instant();
        List<Row> all = new ArrayList<>();
        for (SystemTask t : tasks.all()) {
            List<Run> last = runs.ofTask(t.getId(), 0, 1);
            String outcome = last.isEmpty() ? "" : last.get(0).getOutcome().name();
            all.add(new Row(t.getId(), t.getSeqno(), t.getName(), t.getLogLevel().name(), t.isDisabled(),
                    t.status(now, settings.zone(), registry.find(t.getProcedure()).isPresent()), t.getProcedure(),
                    show(t.getNextRunTime(), settings.zone()), t.getNextRunTime(), outcome,
                    t.getRequestedAt() != null, t.isRunning(), "FAILED".equals(outcome), t.getRevision()));
        }
        rows = all;
    }

    /** The Ajax refresh of the live table. */
    public void refresh() {
        refreshed++;
        load();
    }

    public List<Row> getRows() {
        String needle = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        Comparator<Row> order = switch (sort) {
            case "name" -> Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT));
            case "status" -> Comparator.comparing(Row::status);
            case "next-run" -> Comparator.comparing(Row::nextRunTime, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> Comparator.comparingInt(Row::seqno);
        };
        if (descending) {
            order = order.reversed();
        }
        return rows.stream()
                .filter(r -> needle.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(needle)
                        || r.procedure().toLowerCase(Locale.ROOT).contains(needle)
                        || r.status().toLowerCase(Locale.ROOT).contains(needle))
                .filter(this::inState)
                .sorted(order.thenComparingLong(Row::id))
                .toList();
    }

    private boolean inState(Row r) {
        return switch (state == null ? "all" : state) {
            case "enabled" -> !r.disabled();
            case "disabled" -> r.disabled();
            case "running" -> r.running();
            case "requested" -> r.requested();
            case "failed" -> r.failed();
            default -> true;
        };
    }

    public void sortBy(String column) {
        descending = column.equals(sort) && !descending;
        sort = column;
    }

    public void runNow(long id) {
        if (mayChange()) {
            tasks.requestRun(id, getUser(), clock.instant(), settings.zone()).ifPresentOrElse(Page::info,
                    () -> error("This task no longer exists."));
            load();
        }
    }

    public void cancelRequest(long id) {
        if (mayChange()) {
            tasks.cancelRequest(id, getUser(), clock.instant()).ifPresentOrElse(Page::info,
                    () -> error("This task no longer exists."));
            load();
        }
    }

    public void moveUp(long id) {
        move(id, -1);
    }

    public void moveDown(long id) {
        move(id, 1);
    }

    /** Swaps the task's No. with its neighbour's in No. order (Lino's Sequenced), in one transaction. */
    private void move(long id, int direction) {
        if (!mayChange()) {
            return;
        }
        if (!tasks.move(id, direction < 0, getUser(), clock.instant())) {
            error("This task no longer exists.");
        }
        load();
    }

    public int getRefreshed() {
        return refreshed;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getSort() {
        return sort;
    }

    public boolean isDescending() {
        return descending;
    }
}
