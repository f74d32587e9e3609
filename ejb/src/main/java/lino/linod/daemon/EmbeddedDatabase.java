package lino.linod.daemon;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Shuts embedded Derby down when the application stops. Otherwise the stopped application's Derby keeps the
 * database locked inside the server's JVM, and a redeployment fails with "Another instance of Derby may have
 * already booted the database". The daemon depends on this bean, so the daemon stops first.
 */
@Singleton
@Startup
public class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger("lino.linod");
    private static final String EMBEDDED = "jdbc:derby:";

    @Resource(lookup = "java:app/jdbc/linod")
    DataSource dataSource;

    /** The embedded Derby database's name, or null for any other database. */
    private String derbyDatabase;

    @PostConstruct
    void look() {
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            if (url != null && url.startsWith(EMBEDDED) && !url.startsWith(EMBEDDED + "//")) {
                String name = url.substring(EMBEDDED.length());
                derbyDatabase = name.contains(";") ? name.substring(0, name.indexOf(';')) : name;
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot read the database's URL", e);
        }
    }

    @PreDestroy
    void shutdown() {
        if (derbyDatabase == null) {
            return;
        }
        try {
            // Derby's own data source, made here: the pooled one of the server cannot ask for a shutdown.
            Object derby = Class.forName("org.apache.derby.jdbc.EmbeddedDataSource").getDeclaredConstructor()
                    .newInstance();
            derby.getClass().getMethod("setDatabaseName", String.class).invoke(derby, derbyDatabase);
            derby.getClass().getMethod("setShutdownDatabase", String.class).invoke(derby, "shutdown");
            ((DataSource) derby).getConnection().close();
        } catch (SQLException e) {
            // Derby reports a clean shutdown of one database as SQLState 08006.
            if ("08006".equals(e.getSQLState())) {
                LOG.info("Shut down embedded Derby database " + derbyDatabase + ".");
                return;
            }
            LOG.log(Level.WARNING, "Could not shut down embedded Derby database " + derbyDatabase, e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not shut down embedded Derby database " + derbyDatabase, e);
        }
    }
}
