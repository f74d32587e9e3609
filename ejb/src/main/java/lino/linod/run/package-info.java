/**
 * Runs: the history of every start of a system task, with its outcome, captured log, node and progress.
 *
 * <p>A run row is written in the same short transaction as the claim that marks its task as running, and closed
 * in one more short transaction when the procedure returns; between the two, no transaction is open.
 * A run still {@link lino.linod.run.Outcome#RUNNING} whose node restarted or stopped answering (its row in
 * {@code LINOD_NODE}, {@link lino.linod.run.Node}, older than the lease) is closed as
 * {@link lino.linod.run.Outcome#INTERRUPTED} by whichever node takes the dead one over, and its task runs again.
 */
package lino.linod.run;
