package lino.linod.bench;

import java.util.List;

/**
 * A scheduler under test, on a fresh database of its own: started with one or two nodes, loaded with executions
 * due at given instants in one transaction, and asked what ran. Three implementations: linod, Quartz,
 * db-scheduler.
 */
interface Contender extends AutoCloseable {

    /** The name in the report, e.g. "db-scheduler 16.0.0 tuned". */
    String name();

    /** The database this contender uses (for the transaction counts). */
    String database();

    /** Starts {@code nodes} nodes on a fresh database and returns when they are idle and ready. */
    void start(int nodes) throws Exception;

    /**
     * Stores one execution per key, due at {@code due[i]}, in one transaction while the nodes run; returns the
     * instant of the commit (epoch ms).
     */
    long load(long[] keys, long[] due) throws Exception;

    /** How many of the keys in [from, to] ran to their end so far. */
    int finished(long from, long to) throws Exception;

    /** Every finished execution of the keys in [from, to], duplicates included. */
    List<Execution> executions(long from, long to) throws Exception;

    /** Transactions the benchmark itself made in {@link #database()} so far (its polls), to subtract. */
    long ownTransactions();

    /** Stops every node. */
    @Override
    void close() throws Exception;
}
