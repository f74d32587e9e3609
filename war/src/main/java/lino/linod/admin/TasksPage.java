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
import java.util.List;
import java.util.Map;
import lino.linod.daemon.Daemon;
import lino.linod.site.Settings;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.run.Outcome;
import lino.linod.run.Runs;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;
import lino.linod.task.TaskList;

/**
 * {@code tasks.xhtml}: Lino's System tasks table, live, with Run now, Cancel request and move up/down; one page of
 * {@value #PAGE_SIZE} tasks at a time, filtered and sorted by the database.
 */
@Named
@ViewScoped
public class TasksPage extends Page implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Tasks shown per page. */
    static final int PAGE_SIZE = 50;

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
    transient Clock clock;

    private String filter = "";
    private String state = "all";
    private String procedure = "";
    private String sort = "seqno";
    private boolean descending;
    private int page;
    private long total;
    private int refreshed;
    private List<Row> rows = List.of();

    /** One line of the table, as shown. */
    public record Row(long id, int seqno, String name, String level, boolean disabled, String status,
            String procedure, String nextRun, Instant nextRunTime, String lastOutcome, boolean requested,
            boolean running, boolean failed, long revision) implements Serializable {
    }

    /**
     * Reads the page shown, and only that page: its tasks and their last outcomes in three queries (with the
     * count) whatever the number of tasks. A page past the end (tasks deleted meanwhile) becomes the last page.
     */
    @PostConstruct
    void load() {
        TaskList list = new TaskList(TaskList.State.ofApiName(state).orElse(TaskList.State.ALL), procedure, filter,
                sortColumn(), descending);
        TaskList.Page found = tasks.list(list, page * PAGE_SIZE, PAGE_SIZE);
        if (found.tasks().isEmpty() && page > 0) {
            page = (int) Math.max(0, (found.total() - 1) / PAGE_SIZE);
            found = tasks.list(list, page * PAGE_SIZE, PAGE_SIZE);
        }
        total = found.total();
        Map<Long, Outcome> outcomes = runs.lastOutcomes(found.tasks().stream().map(SystemTask::getId).toList());
        Instant now = clock.instant();
        List<Row> shown = new ArrayList<>();
        for (SystemTask t : found.tasks()) {
            Outcome last = outcomes.get(t.getId());
            String outcome = last == null ? "" : last.name();
            shown.add(new Row(t.getId(), t.getSeqno(), t.getName(), t.getLogLevel().name(), t.isDisabled(),
                    t.status(now, settings.zone(), registry.find(t.getProcedure()).isPresent()), t.getProcedure(),
                    show(t.getNextRunTime(), settings.zone()), t.getNextRunTime(), outcome,
                    t.getRequestedAt() != null, t.isRunning(), last == Outcome.FAILED, t.getRevision()));
        }
        rows = shown;
    }

    private TaskList.Sort sortColumn() {
        return switch (sort) {
            case "name" -> TaskList.Sort.NAME;
            case "status" -> TaskList.Sort.STATUS;
            case "next-run" -> TaskList.Sort.NEXT_RUN;
            default -> TaskList.Sort.SEQNO;
        };
    }

    /** The Ajax refresh of the live table: the page shown, read again. */
    public void refresh() {
        refreshed++;
        load();
    }

    /** Apply: the filters as typed, from the first page. */
    public void apply() {
        page = 0;
        load();
    }

    public void previousPage() {
        page = Math.max(0, page - 1);
        load();
    }

    public void nextPage() {
        if (page + 1 < getPages()) {
            page++;
        }
        load();
    }

    public List<Row> getRows() {
        return rows;
    }

    /** The procedures to filter by: the registered ones, by name. */
    public List<String> getProcedures() {
        return registry.procedures().keySet().stream().sorted().toList();
    }

    /** Sorts by a column, from the first page; the same column again turns the order round. */
    public void sortBy(String column) {
        descending = column.equals(sort) && !descending;
        sort = column;
        page = 0;
        load();
    }

    public void runNow(long id) {
        if (mayChange()) {
            daemon.runNow(id, getUser()).ifPresentOrElse(Page::info,
                    () -> error("This task no longer exists."));
            load();
        }
    }

    /** Lino's SetupTasks: says what it did. */
    public void setupTasks() {
        if (mayChange()) {
            info(tasks.setup(getUser(), clock.instant(), settings.zone()).message());
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

    public String getProcedure() {
        return procedure;
    }

    public void setProcedure(String procedure) {
        this.procedure = procedure == null ? "" : procedure;
    }

    /** The page shown, counted from 1. */
    public int getPage() {
        return page + 1;
    }

    /** How many pages the filtered list has; one when it is empty. */
    public int getPages() {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public long getTotal() {
        return total;
    }

    public String getSort() {
        return sort;
    }

    public boolean isDescending() {
        return descending;
    }
}
