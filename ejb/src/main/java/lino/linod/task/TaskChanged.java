package lino.linod.task;

/** CDI event fired when a user changed or requested a task; the daemon wakes when the transaction commits. */
public record TaskChanged(long taskId) {
}
