package lino.linod.task;

import java.util.List;
import java.util.Locale;

/**
 * Which system tasks a list shows and in what order, one page at a time: the REST list and the System tasks page
 * ask the same question, and the database answers it (a page of rows and a count), never by loading every task.
 *
 * @param state   which tasks by their state, {@link State#ALL} for every one
 * @param procedure only the tasks of this procedure (exact name), null for all
 * @param text    only tasks whose name contains this, ignoring case; null or blank for all
 * @param sort    the column to sort by; ties by id, in the same direction
 */
public record TaskList(State state, String procedure, String text, Sort sort, boolean descending) {

    /** The longest procedure name and text a filter accepts: a longer one cannot match any task. */
    public static final int PROCEDURE_LENGTH = 100;

    public TaskList {
        state = state == null ? State.ALL : state;
        sort = sort == null ? Sort.SEQNO : sort;
        procedure = procedure == null || procedure.isEmpty() ? null : procedure;
        text = text == null || text.isBlank() ? null : text.trim();
    }

    /** Every task in No. order. */
    public static TaskList all() {
        return new TaskList(State.ALL, null, null, Sort.SEQNO, false);
    }

    /** A task's state as the lists filter by it; the names are those of the API and the page. */
    public enum State {
        ALL, ENABLED, DISABLED, RUNNING, REQUESTED, FAILED;

        /** The state's name in the API and the page: {@code all}, {@code enabled}, … */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The state of this API name; empty when there is none. */
        public static java.util.Optional<State> ofApiName(String name) {
            for (State s : values()) {
                if (s.apiName().equals(name)) {
                    return java.util.Optional.of(s);
                }
            }
            return java.util.Optional.empty();
        }

        /** Every API name, for messages: "all, enabled, …". */
        public static String apiNames() {
            return String.join(", ", List.of(values()).stream().map(State::apiName).toList());
        }
    }

    /**
     * The columns a list sorts by. {@code STATUS} is Lino's order of the status text: running, requested to run,
     * disabled, not scheduled, scheduled (by next run).
     */
    public enum Sort {
        SEQNO, NAME, STATUS, NEXT_RUN
    }

    /** One page of a list: the tasks shown and how many tasks the whole list has. */
    public record Page(List<SystemTask> tasks, long total) {
    }
}
