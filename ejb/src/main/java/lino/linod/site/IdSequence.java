package lino.linod.site;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.database.Database;
import liquibase.exception.CustomChangeException;

/**
 * Migration 1: creates {@code LINOD_ID_SEQ}, the sequence of every id, above the highest id already in use (a
 * database of linod 0.1.0 has rows). It counts in blocks of {@link #BLOCK}: a node takes one value and uses the
 * block of ids that ends with it, so EclipseLink and Hibernate, which both read a pooled sequence that way, never
 * hand out the same id. Derby cannot restart a sequence, so the start is computed here, not in SQL.
 */
public class IdSequence extends JavaMigration {

    /** The sequence's increment, and the {@code allocationSize} of the entities' sequence generator. */
    public static final int BLOCK = 50;
    static final String NAME = "LINOD_ID_SEQ";

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection c = connection(database);
        try (Statement s = c.createStatement()) {
            long max = 0;
            for (String table : new String[] {"LINOD_SYSTEM_TASK", "LINOD_RUN", "LINOD_CHANGE"}) {
                try (ResultSet r = s.executeQuery("SELECT MAX(ID) FROM " + table)) {
                    if (r.next()) {
                        max = Math.max(max, r.getLong(1));
                    }
                }
            }
            s.execute("CREATE SEQUENCE " + NAME + " AS BIGINT START WITH " + start(max) + " INCREMENT BY " + BLOCK);
        } catch (SQLException e) {
            throw new CustomChangeException("Cannot create " + NAME + ": " + e.getMessage(), e);
        }
    }

    /** The first value: its block (value − 49 … value) lies wholly above {@code maxId}. */
    static long start(long maxId) {
        return (maxId / BLOCK + 2) * BLOCK;
    }

    @Override
    public String getConfirmationMessage() {
        return NAME + " created";
    }
}
