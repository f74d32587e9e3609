package lino.linod.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Plain JDBC on linod's databases, for the schema tests: loading a SQL script, reading tables, columns and rows. */
final class Databases {

    private Databases() {
    }

    /** An embedded Derby database in {@code folder} (created when missing), opened in the test's JVM. */
    static Connection derby(Path folder) throws SQLException {
        return DriverManager.getConnection("jdbc:derby:" + folder.toAbsolutePath() + ";create=true");
    }

    /** Closes the test JVM's hold on an embedded Derby database, so that a server can boot it. */
    static void shutDownDerby(Path folder) {
        try {
            DriverManager.getConnection("jdbc:derby:" + folder.toAbsolutePath() + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs a SQL script from the test resources: statements end with {@code ;} at the end of a line; lines that
     * start with {@code --} and blank lines are skipped.
     */
    static void runScript(Connection c, String resource) throws IOException, SQLException {
        String text;
        try (InputStream in = Databases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("No resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder statement = new StringBuilder();
        try (Statement s = c.createStatement()) {
            for (String line : text.split("\n", -1)) {
                if (statement.length() == 0 && (line.isBlank() || line.startsWith("--"))) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    String sql = statement.toString().stripTrailing();
                    s.execute(sql.substring(0, sql.length() - 1));
                    statement.setLength(0);
                }
            }
        }
        if (!statement.toString().isBlank()) {
            throw new IllegalStateException("Unterminated statement in " + resource + ": " + statement);
        }
    }

    /**
     * linod's tables and their columns as JDBC describes them, names in upper case: {@code NAME TYPE(size) [NOT
     * NULL]}, sorted, so that two databases can be compared.
     */
    static Map<String, List<String>> layout(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, List<String>> tables = new TreeMap<>();
        for (String pattern : List.of("LINOD%", "linod%")) {
            try (ResultSet t = meta.getTables(null, null, pattern, new String[] {"TABLE"})) {
                while (t.next()) {
                    String table = t.getString("TABLE_NAME");
                    List<String> columns = new ArrayList<>();
                    try (ResultSet col = meta.getColumns(null, t.getString("TABLE_SCHEM"), table, null)) {
                        while (col.next()) {
                            String type = col.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
                            boolean sized = type.contains("CHAR");
                            columns.add(col.getString("COLUMN_NAME").toUpperCase(Locale.ROOT) + " " + type
                                    + (sized ? "(" + col.getInt("COLUMN_SIZE") + ")" : "")
                                    + (col.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " NOT NULL" : ""));
                        }
                    }
                    columns.sort(null);
                    tables.put(table.toUpperCase(Locale.ROOT), columns);
                }
            }
        }
        return tables;
    }

    /** Every row of a table as text, ordered by {@code orderBy}, for before/after comparisons. */
    static List<String> rows(Connection c, String table, String columns, String orderBy) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT " + columns + " FROM " + table + " ORDER BY " + orderBy)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Whether the table exists, in upper case (Derby) or lower case (PostgreSQL). */
    static boolean tableExists(Connection c, String table) throws SQLException {
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet r = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The ids of the change sets applied, in order. */
    static List<String> changeSets(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }
}
