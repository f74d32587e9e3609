package lino.linod.task;

/**
 * What a task does when the daemon comes to it more than {@link #THRESHOLD_SECONDS} after a slot (the node was
 * down, busy, or the previous run took longer than the interval): {@link #RUN_ONCE} runs it once at once, however
 * many slots were missed (linod's behaviour before the policy existed, and Quartz's "fire once now");
 * {@link #SKIP} runs nothing for the missed slots and waits for the next one (Quartz's "do nothing"). A Run now
 * always runs.
 */
public enum MisfirePolicy {
    RUN_ONCE,
    SKIP;

    /** How late a slot may be taken and still count as on time (Quartz's default misfire threshold). */
    public static final long THRESHOLD_SECONDS = 60;
}
