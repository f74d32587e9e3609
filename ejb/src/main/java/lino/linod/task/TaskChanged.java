package lino.linod.task;

/** CDI event fired when a user changed or requested a task; the daemon wakes when the transaction commits. */
public record TaskChanged(long taskId) {

    /** The PostgreSQL channel on which the nodes tell each other that tasks changed ({@code NOTIFY}). */
    public static final String CHANNEL = "linod_tasks";
}
