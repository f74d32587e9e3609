package lino.linod.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.sql.Timestamp;

/**
 * A node that runs tasks on this database, as long as it is alive: it renews {@code heartbeatAt} (the database's
 * clock) every {@code heartbeat}. Each start of a node is a new incarnation; a row is only ever renewed, taken over
 * or removed by its own incarnation's id, so that a node declared dead cannot renew another's row.
 */
@Entity
@Table(name = "LINOD_NODE")
@NamedQuery(name = Node.STAMP, query = "UPDATE Node n SET n.heartbeatAt = CURRENT_TIMESTAMP,"
        + " n.startedAt = CURRENT_TIMESTAMP WHERE n.name = :name AND n.incarnation = :incarnation")
@NamedQuery(name = Node.AGES, query = "SELECT n.name, n.incarnation, n.beats, n.heartbeatAt, CURRENT_TIMESTAMP"
        + " FROM Node n ORDER BY n.name")
@NamedQuery(name = Node.REMOVE, query = "DELETE FROM Node n WHERE n.name = :name AND n.incarnation = :incarnation"
        + " AND n.beats = :beats")
@NamedQuery(name = Node.LEAVE, query = "DELETE FROM Node n WHERE n.name = :name AND n.incarnation = :incarnation")
public class Node {

    static final String STAMP = "Node.stamp";
    static final String AGES = "Node.ages";
    static final String REMOVE = "Node.remove";
    static final String LEAVE = "Node.leave";

    @Id
    @Column(name = "NAME", length = 100)
    private String name;

    @Column(name = "INCARNATION", nullable = false, length = 36)
    private String incarnation;

    @Column(name = "STARTED_AT", nullable = false)
    private Timestamp startedAt;

    @Column(name = "HEARTBEAT_AT", nullable = false)
    private Timestamp heartbeatAt;

    @Column(name = "BEATS", nullable = false)
    private long beats;

    protected Node() {
    }

    Node(String name, String incarnation) {
        this.name = name;
        this.incarnation = incarnation;
        // Replaced by the database's clock in the same transaction (STAMP).
        this.startedAt = new Timestamp(0);
        this.heartbeatAt = new Timestamp(0);
    }

    public String getName() {
        return name;
    }

    public String getIncarnation() {
        return incarnation;
    }
}
