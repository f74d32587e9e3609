package lino.linod.daemon;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import lino.linod.site.ConfiguredDataSource;
import lino.linod.task.TaskChanged;

/**
 * Changes reach every node at once on PostgreSQL: a node that commits a change to a task (Run now, an edit, a
 * take-over) sends {@code NOTIFY linod_tasks}; every node listens on a connection of its own and wakes its daemon,
 * so that a node with a free run slot starts the task within milliseconds. No polling of the tasks; the listening
 * connection waits on its socket. On other databases (embedded Derby: one node) this does nothing.
 */
final class ClusterWake {

    static final String CHANNEL = TaskChanged.CHANNEL;
    private static final Logger LOG = Daemon.LOG;
    private static final int WAIT_MILLIS = 1000;

    private final DataSource pooled;
    private final Runnable wake;
    private volatile boolean running = true;
    private Thread listener;

    private ClusterWake(DataSource pooled, Runnable wake) {
        this.pooled = pooled;
        this.wake = wake;
    }

    /** Listens on PostgreSQL; a do-nothing instance elsewhere. */
    static ClusterWake start(DataSource pooled, ManagedThreadFactory threads, Runnable wake) {
        ClusterWake cluster = new ClusterWake(pooled, wake);
        if (!ConfiguredDataSource.isPostgres()) {
            cluster.running = false;
            return cluster;
        }
        cluster.listener = threads.newThread(cluster::listen);
        cluster.listener.setName("linod-cluster-listener");
        cluster.listener.setDaemon(true);
        cluster.listener.start();
        return cluster;
    }

    /** Tells every node (this one too) that tasks changed. */
    void tellNodes() {
        if (!running) {
            return;
        }
        try (Connection c = pooled.getConnection(); Statement s = c.createStatement()) {
            s.execute("NOTIFY " + CHANNEL);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not notify the other nodes", e);
        }
    }

    private void listen() {
        long wait = 500;
        while (running) {
            // A connection of its own, outside the pool: it stays open and waits on its socket.
            try (Connection c = ConfiguredDataSource.own().getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                Class<?> pg = Class.forName("org.postgresql.PGConnection", true, c.getClass().getClassLoader());
                Object connection = c.unwrap(pg);
                Method notifications = pg.getMethod("getNotifications", int.class);
                wait = 500;
                // Changes may have been missed while not listening.
                wake.run();
                while (running) {
                    Object got = notifications.invoke(connection, WAIT_MILLIS);
                    if (got != null && Array.getLength(got) > 0) {
                        wake.run();
                    }
                }
            } catch (Exception | LinkageError e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.FINE, "Listening for changes failed; trying again in " + wait + " ms", e);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    return;
                }
                wait = Math.min(wait * 2, Outage.MAX_WAIT.toMillis());
            }
        }
    }

    void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
