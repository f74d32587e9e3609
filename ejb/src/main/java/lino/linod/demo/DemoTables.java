package lino.linod.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The demo tables: messages users may have seen, and emails waiting to be sent. */
@ApplicationScoped
public class DemoTables {

    @Resource(lookup = "java:app/jdbc/linod")
    DataSource dataSource;

    private volatile boolean created;

    Connection connect() throws SQLException {
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
            if (!"X0Y32".equals(e.getSQLState())) {
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
