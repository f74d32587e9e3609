package lino.linod.site;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import liquibase.database.Database;
import liquibase.exception.CustomChangeException;

/**
 * Migration 1 on Derby: linod 0.1.0 on Payara (EclipseLink) made its flags {@code SMALLINT} 0/1 on Derby, where
 * Hibernate reads and writes {@code BOOLEAN} (and compares with {@code TRUE}/{@code FALSE}). Each such column is
 * replaced by a {@code BOOLEAN} column of the same name with the same values; Derby cannot change a column's type
 * in place. Columns that are {@code BOOLEAN} already are left alone.
 */
public class DerbyBooleans extends JavaMigration {

    static final String TABLE = "LINOD_SYSTEM_TASK";
    static final List<String> FLAGS = List.of("DISABLED", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");

    private int converted;

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection c = connection(database);
        try (Statement s = c.createStatement()) {
            for (String flag : FLAGS) {
                Column column = column(c.getMetaData(), flag);
                if (column == null || column.type() == Types.BOOLEAN) {
                    continue;
                }
                String tmp = flag + "_B";
                s.execute("ALTER TABLE " + TABLE + " ADD COLUMN " + tmp + " BOOLEAN");
                s.execute("UPDATE " + TABLE + " SET " + tmp + " = CASE WHEN " + flag + " IS NULL THEN NULL WHEN "
                        + flag + " <> 0 THEN TRUE ELSE FALSE END");
                s.execute("ALTER TABLE " + TABLE + " DROP COLUMN " + flag);
                s.execute("RENAME COLUMN " + TABLE + "." + tmp + " TO " + flag);
                if (!column.nullable()) {
                    s.execute("ALTER TABLE " + TABLE + " ALTER COLUMN " + flag + " NOT NULL");
                }
                converted++;
            }
        } catch (SQLException e) {
            throw new CustomChangeException("Cannot convert the flags of " + TABLE + " to BOOLEAN: " + e.getMessage(),
                    e);
        }
    }

    private record Column(int type, boolean nullable) {
    }

    private static Column column(DatabaseMetaData meta, String name) throws SQLException {
        try (ResultSet r = meta.getColumns(null, null, TABLE, name)) {
            return r.next() ? new Column(r.getInt("DATA_TYPE"),
                    r.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls) : null;
        }
    }

    @Override
    public String getConfirmationMessage() {
        return converted + " flags of " + TABLE + " converted to BOOLEAN";
    }
}
