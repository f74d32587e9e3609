package lino.linod.task;

/**
 * What the next slot of a task does while its previous run is still going on (as Kubernetes' CronJob
 * {@code concurrencyPolicy} has it): {@link #FORBID} lets the run go on, and the slot waits for its end (then the
 * {@link MisfirePolicy} decides); {@link #REPLACE} stops the run (as Stop run does, by "the next run") and a new one
 * starts after it ended. Two runs of one task never go on at once.
 */
public enum OverlapPolicy {
    FORBID,
    REPLACE
}
