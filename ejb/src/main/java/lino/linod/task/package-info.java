/**
 * System tasks: one row per scheduled use of a procedure, with Lino's fields (No., name, procedure, log level,
 * disabled, recurrence, last start/end, requested at, message) plus the next run instant and a version.
 *
 * <p>Invariants: {@code nextRunTime} is what the daemon reads to find due tasks, so every change to the
 * recurrence, the disabled flag or a run's end recomputes it; {@code runningRun} is set only by a claim that
 * won the conditional update, so one task never has two runs at once, across all nodes on one database.
 * Users' creates and changes stay within the site's {@link lino.linod.task.Limits} ({@code max_tasks},
 * {@code shortest_interval}); creates and moves take the site's row lock, so a count or a No. they read is still
 * true when they commit, and a move leaves the two tasks with distinct numbers.
 */
package lino.linod.task;
