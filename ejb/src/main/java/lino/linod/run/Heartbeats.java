package lino.linod.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A node's heartbeat over a connection of its own, outside the server's pool: one short transaction every
 * {@code heartbeat} renews the node's row and reads every node's age by the database's clock. Kept apart from the
 * pool so that an idle node costs one transaction per beat, not two (the pool validates each connection it hands
 * out). A broken connection is dropped and made again at the next beat.
 */
public final class Heartbeats implements AutoCloseable {

    private static final String BEAT = "UPDATE LINOD_NODE SET HEARTBEAT_AT = CURRENT_TIMESTAMP, BEATS = BEATS + 1"
            + " WHERE NAME = ? AND INCARNATION = ?";
    private static final String AGES = "SELECT NAME, INCARNATION, BEATS, HEARTBEAT_AT, CURRENT_TIMESTAMP"
            + " FROM LINOD_NODE ORDER BY NAME";

    private final DataSource direct;
    private Connection connection;

    /** @param direct a data source that connects to the database itself, not through a pool */
    public Heartbeats(DataSource direct) {
        this.direct = direct;
    }

    /**
     * Renews this incarnation's heartbeat and returns every node's row; empty when the row is gone (another node
     * took this one for dead).
     */
    public synchronized List<Nodes.Seen> beat(String name, String incarnation) throws SQLException {
        boolean kept = connection != null;
        try {
            return beatOnce(name, incarnation);
        } catch (SQLException | RuntimeException e) {
            if (!kept) {
                throw e;
            }
            // The connection kept from before (say, from before the database restarted) is dead: once more on a
            // new one, so that a database that answers again is not reported away once more.
            return beatOnce(name, incarnation);
        }
    }

    private List<Nodes.Seen> beatOnce(String name, String incarnation) throws SQLException {
        Connection c = connection();
        try {
            int renewed;
            try (PreparedStatement update = c.prepareStatement(BEAT)) {
                update.setString(1, name);
                update.setString(2, incarnation);
                renewed = update.executeUpdate();
            }
            List<Nodes.Seen> all = new ArrayList<>();
            if (renewed == 1) {
                try (PreparedStatement query = c.prepareStatement(AGES); ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        Instant heartbeat = r.getTimestamp(4).toInstant();
                        Instant now = r.getTimestamp(5).toInstant();
                        all.add(new Nodes.Seen(r.getString(1), r.getString(2), r.getLong(3), heartbeat,
                                Duration.between(heartbeat, now)));
                    }
                }
            }
            c.commit();
            return all;
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = direct.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Broken already.
            }
            connection = null;
        }
    }
}
