/**
 * The daemon: finds due system tasks, claims them, runs their procedures on a managed executor and records
 * the outcome.
 *
 * <p>It sleeps until the earliest next run (at most {@code linod.max_sleep}, so that changes made by other nodes
 * are seen) and is woken at once when a task changes or is requested. Its timer method only triggers and
 * delegates; every database step is a short transaction of {@link lino.linod.task.SystemTasks} or
 * {@link lino.linod.run.Runs}. Time comes from the injected {@link java.time.Clock}.
 */
package lino.linod.daemon;
