package lino.linod.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trivial job body of the schedulers that run inside the benchmark's JVM (Quartz, db-scheduler): count, and
 * note the execution in memory, so that checking adds no work to the database.
 */
final class Recorder {

    static final AtomicLong EXECUTIONS = new AtomicLong();
    private static final ConcurrentLinkedQueue<Execution> SEEN = new ConcurrentLinkedQueue<>();

    private Recorder() {
    }

    static void ran(long key, long due, long start, String node) {
        EXECUTIONS.incrementAndGet();
        SEEN.add(new Execution(key, due, start, System.currentTimeMillis(), node));
    }

    static void clear() {
        SEEN.clear();
    }

    static int finished(long from, long to) {
        int n = 0;
        for (Execution e : SEEN) {
            if (e.key() >= from && e.key() <= to) {
                n++;
            }
        }
        return n;
    }

    static List<Execution> executions(long from, long to) {
        List<Execution> found = new ArrayList<>();
        for (Execution e : SEEN) {
            if (e.key() >= from && e.key() <= to) {
                found.add(e);
            }
        }
        return found;
    }
}
