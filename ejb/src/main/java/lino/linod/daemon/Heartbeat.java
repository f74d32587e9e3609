package lino.linod.daemon;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import lino.linod.run.Heartbeats;
import lino.linod.run.Nodes;
import lino.linod.site.ConfiguredDataSource;
import lino.linod.run.Run;
import lino.linod.site.Settings;

/**
 * This node's liveness in the database: it joins (refused if a live node has its name; a dead one of its name is
 * taken over), renews its heartbeat every {@code heartbeat}, takes over nodes whose heartbeat is older than
 * {@code lease} (their runs are closed as interrupted, their tasks run again) and leaves at a clean stop. Ages are
 * read from the database's clock. After a database outage a node judges others only once it has itself beaten for
 * a whole lease, so that nobody is taken for dead because the database was away.
 */
final class Heartbeat {

    private static final Logger LOG = Daemon.LOG;

    private final Nodes nodes;
    private final Heartbeats beating = new Heartbeats(ConfiguredDataSource.own());
    private final Settings settings;
    private final ManagedScheduledExecutorService timer;
    private final Supplier<Instant> clock;
    private final Outage outage;
    private final Runnable tasksFreed;
    private final boolean alone;
    private volatile String incarnation;
    private volatile long healthySince = -1;
    /** Nodes whose heartbeat is within the lease at the last beat, this one included. */
    private volatile int live = 1;
    private ScheduledFuture<?> beats;
    private ScheduledFuture<?> check;

    /**
     * @param alone      embedded Derby: no other process can use the database, so a row of this node's name is a
     *                   previous run of this very node
     * @param tasksFreed told when a take-over made tasks due
     */
    Heartbeat(Nodes nodes, Settings settings, ManagedScheduledExecutorService timer, Supplier<Instant> clock,
            Outage outage, boolean alone, Runnable tasksFreed) {
        this.nodes = nodes;
        this.settings = settings;
        this.timer = timer;
        this.clock = clock;
        this.outage = outage;
        this.alone = alone;
        this.tasksFreed = tasksFreed;
    }

    /**
     * Joins the nodes of this database. A row of this node's name whose heartbeat is fresh is watched for up to a
     * lease: if it beats, another live node has this name and the start is refused; if not, it was this node
     * before a crash, and its runs are closed as interrupted.
     */
    void join() {
        String node = settings.node();
        Long firstBeats = null;
        long deadline = System.nanoTime() + settings.lease().plus(settings.heartbeat()).toNanos();
        while (true) {
            Optional<Nodes.Seen> mine = nodes.all().stream().filter(n -> n.name().equals(node)).findFirst();
            if (mine.isEmpty()) {
                break;
            }
            Nodes.Seen seen = mine.get();
            if (alone || seen.age().compareTo(settings.lease()) > 0) {
                closed(nodes.takeOver(seen, clock.get(), settings.zone(),
                        "\nInterrupted: node " + node + " stopped during this run.\n"));
                continue;
            }
            if (firstBeats == null) {
                firstBeats = seen.beats();
                LOG.info("Node " + node + " has a heartbeat " + seen.age().toSeconds() + " s old in the database;"
                        + " waiting up to " + settings.lease().toSeconds() + " s to see whether it still runs.");
            } else if (seen.beats() != firstBeats || System.nanoTime() > deadline) {
                throw new IllegalStateException("linod: another node named '" + node + "' is running on this"
                        + " database (its heartbeat is " + seen.age().toMillis() + " ms old): give each node its own"
                        + " name with the setting linod.node (LINOD_NODE).");
            }
            try {
                Thread.sleep(Math.max(100, settings.heartbeat().toMillis() / 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("linod: interrupted while joining", e);
            }
        }
        incarnation = UUID.randomUUID().toString();
        nodes.register(node, incarnation);
        healthySince = System.nanoTime();
    }

    /** Beats every {@code heartbeat} from now on. */
    void start() {
        long every = settings.heartbeat().toMillis();
        beats = timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void closed(List<Run> runs) {
        for (Run run : runs) {
            LOG.warning("Closed run " + run.getId() + " of " + run.getTaskName() + " (node " + run.getNode()
                    + ") as interrupted; its task runs again.");
        }
    }

    /** How many nodes were alive at the last beat (at least this one): due tasks are shared among them. */
    int liveNodes() {
        return live;
    }

    /** One heartbeat: renew, then judge the others. Never throws (it runs on the timer). */
    void beat() {
        String node = settings.node();
        try {
            if (!outage.answers()) {
                healthySince = -1;
                return;
            }
            List<Nodes.Seen> all = beating.beat(node, incarnation);
            outage.succeeded();
            if (all.isEmpty()) {
                rejoin();
                return;
            }
            if (healthySince < 0) {
                healthySince = System.nanoTime();
            }
            live = (int) Math.max(1, all.stream().filter(n -> n.age().compareTo(settings.lease()) < 0).count());
            boolean judge = System.nanoTime() - healthySince >= settings.lease().toNanos();
            Duration nextCheck = null;
            for (Nodes.Seen other : all) {
                if (other.name().equals(node)) {
                    continue;
                }
                Duration left = settings.lease().minus(other.age());
                if (judge && left.isNegative()) {
                    takeOver(other);
                } else if (other.age().compareTo(settings.heartbeat().multipliedBy(2)) > 0
                        && left.compareTo(settings.heartbeat()) < 0) {
                    // Silent for two beats: look again the moment its lease ends, not a beat later.
                    Duration at = left.isNegative() ? Duration.ofMillis(100) : left.plusMillis(100);
                    nextCheck = nextCheck == null || at.compareTo(nextCheck) < 0 ? at : nextCheck;
                }
            }
            if (nextCheck != null) {
                scheduleCheck(nextCheck);
            }
        } catch (Throwable e) {
            healthySince = -1;
            outage.failed("the heartbeat", e);
        }
    }

    private synchronized void scheduleCheck(Duration in) {
        if (check == null || check.isDone()) {
            check = timer.schedule(this::beat, in.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void takeOver(Nodes.Seen dead) {
        String reason = "\nInterrupted: node " + dead.name() + " stopped answering (its last heartbeat was at "
                + dead.heartbeatAt() + "); " + settings.node() + " closed this run.\n";
        List<Run> closed = nodes.takeOver(dead, clock.get(), settings.zone(), reason);
        LOG.warning("Node " + dead.name() + " stopped answering (no heartbeat for " + dead.age().toSeconds()
                + " s): " + settings.node() + " took it over" + (closed.isEmpty() ? "." : ", closing "
                + closed.size() + " of its runs as interrupted; their tasks run again."));
        tasksFreed.run();
    }

    /** Another node took this one for dead and removed its row: join again under a new incarnation. */
    private void rejoin() {
        LOG.warning("Node " + settings.node() + " was taken for dead by another node (its heartbeat was older than "
                + settings.lease().toSeconds() + " s): runs it had going on were closed there; joining again.");
        incarnation = UUID.randomUUID().toString();
        nodes.register(settings.node(), incarnation);
        healthySince = System.nanoTime();
    }

    /** A clean stop: no more beats, and the node's row is removed. */
    void leave() {
        if (beats != null) {
            beats.cancel(false);
        }
        synchronized (this) {
            if (check != null) {
                check.cancel(false);
            }
        }
        beating.close();
        if (incarnation != null) {
            nodes.leave(settings.node(), incarnation);
        }
    }
}
