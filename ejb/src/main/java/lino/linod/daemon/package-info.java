/**
 * The daemon: finds due system tasks, claims them, runs their procedures on a managed executor and records
 * the outcome, on one node or several sharing a database.
 *
 * <p>{@link lino.linod.daemon.Daemon}: lifecycle and the loop that sleeps until the earliest next run (at most
 * {@code linod.max_sleep}) or a change wakes it; {@code Execution}: claim → run → record; {@code Heartbeat}: this
 * node's liveness and the take-over of dead nodes; {@code ClusterWake}: changes reach every node (PostgreSQL
 * NOTIFY); {@code SignalStop}: a clean stop on SIGTERM; {@code Outage}: what is said while the database is away.
 * Every database step is a short transaction of {@link lino.linod.task.SystemTasks}, {@link lino.linod.run.Runs}
 * or {@link lino.linod.run.Nodes}. Time comes from the injected {@link java.time.Clock}.
 */
package lino.linod.daemon;
