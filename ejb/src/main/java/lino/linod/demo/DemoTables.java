package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** The demo tables: messages users may have seen, and emails waiting to be sent. */
@ApplicationScoped
public class DemoTables {

    /**
     * Looked up by its application-wide name when first needed: a procedure runs on the daemon's threads, in the
     * naming context of the ejb module, where the component references of another module (an {@code @Resource}
     * field of a bean in a WAR) do not exist.
     */
    private volatile DataSource dataSource;
    private volatile boolean created;

    Connection connect() throws SQLException {
        if (dataSource == null) {
            try {
                dataSource = (DataSource) new InitialContext().lookup("java:app/jdbc/linod");
            } catch (NamingException e) {
                throw new SQLException("No data source java:app/jdbc/linod", e);
            }
        }
        Connection c = dataSource.getConnection();
        if (!created) {
            create(c);
        }
        return c;
    }

    private synchronized void create(Connection c) throws SQLException {
        if (created) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE DEMO_MESSAGE (ID INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " SUBJECT VARCHAR(200) NOT NULL, SEEN BOOLEAN NOT NULL DEFAULT FALSE)");
            s.execute("CREATE TABLE DEMO_EMAIL (ID INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " RECIPIENT VARCHAR(200), SUBJECT VARCHAR(200) NOT NULL, SENT BOOLEAN NOT NULL DEFAULT FALSE)");
            for (int i = 1; i <= 5; i++) {
                insertMessage(c, "Welcome message " + i);
                insertEmail(c, i == 3 ? null : "user" + i + "@example.org", "Demo email " + i);
            }
        } catch (SQLException e) {
            // The tables exist already: X0Y32 on Derby, 42P07 on PostgreSQL.
            if (!"X0Y32".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                throw e;
            }
        }
        created = true;
    }

    static void insertMessage(Connection c, String subject) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO DEMO_MESSAGE (SUBJECT) VALUES (?)")) {
            p.setString(1, subject);
            p.executeUpdate();
        }
    }

    static void insertEmail(Connection c, String recipient, String subject) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO DEMO_EMAIL (RECIPIENT, SUBJECT) VALUES (?, ?)")) {
            p.setString(1, recipient);
            p.setString(2, subject);
            p.executeUpdate();
        }
    }

    static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
