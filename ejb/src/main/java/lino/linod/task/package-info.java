/**
 * System tasks: one row per scheduled use of a procedure, with Lino's fields (No., name, procedure, log level,
 * disabled, recurrence, last start/end, requested at, message) plus the next run instant and a version.
 *
 * <p>Invariants: {@code nextRunTime} is what the daemon reads to find due tasks, so every change to the
 * recurrence, the disabled flag or a run's end recomputes it; {@code runningRun} is set only by a claim that
 * won the conditional update, so one task never has two runs at once, across all nodes on one database.
 */
package lino.linod.task;
