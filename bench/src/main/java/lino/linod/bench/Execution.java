package lino.linod.bench;

/**
 * One execution as the benchmark saw it: the key of what was due (a linod system task, a Quartz trigger, a
 * db-scheduler task instance), the instant it was due, when the job body started and ended (epoch ms), and the
 * node that ran it.
 */
record Execution(long key, long due, long start, long end, String node) {
}
