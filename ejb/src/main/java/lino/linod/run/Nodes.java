package lino.linod.run;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The store of nodes: a node registers, takes over a dead node (closes its runs, frees its tasks) and leaves; its
 * heartbeat is {@link Heartbeats}'. Ages are differences of the database's own clock, never of the JVMs'.
 */
@Stateless
public class Nodes {

    @PersistenceContext(unitName = "linod")
    EntityManager em;

    @EJB
    Runs runs;

    /** A node's row as another node sees it: its age by the database's clock. */
    public record Seen(String name, String incarnation, long beats, Instant heartbeatAt, Duration age) {
    }

    /** Every node's row, with its age. */
    public List<Seen> all() {
        List<Seen> seen = new ArrayList<>();
        for (Object[] row : em.createNamedQuery(Node.AGES, Object[].class).getResultList()) {
            Instant heartbeat = instant(row[3]);
            Instant now = instant(row[4]);
            seen.add(new Seen((String) row[0], (String) row[1], ((Number) row[2]).longValue(), heartbeat,
                    Duration.between(heartbeat, now)));
        }
        return seen;
    }

    /** Registers this incarnation; fails if a row of this name exists (the caller has taken it over first). */
    public void register(String name, String incarnation) {
        em.persist(new Node(name, incarnation));
        em.flush();
        em.createNamedQuery(Node.STAMP).setParameter("name", name).setParameter("incarnation", incarnation)
                .executeUpdate();
    }

    /**
     * Takes over a dead node, if it is still as seen (same incarnation, no beat since): removes its row and closes
     * its runs as interrupted, so that their tasks run again. Returns the runs closed; none if another node came
     * first or the node beat meanwhile.
     */
    public List<Run> takeOver(Seen dead, Instant now, ZoneId zone, String reason) {
        int removed = em.createNamedQuery(Node.REMOVE).setParameter("name", dead.name())
                .setParameter("incarnation", dead.incarnation()).setParameter("beats", dead.beats()).executeUpdate();
        if (removed != 1) {
            return List.of();
        }
        return runs.closeInterrupted(dead.name(), now, zone, reason);
    }

    /** This incarnation leaves (a clean stop). */
    public void leave(String name, String incarnation) {
        em.createNamedQuery(Node.LEAVE).setParameter("name", name).setParameter("incarnation", incarnation)
                .executeUpdate();
    }

    /** JPA providers answer CURRENT_TIMESTAMP and timestamp columns with different types. */
    static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.atZone(ZoneId.systemDefault()).toInstant();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value);
    }
}
