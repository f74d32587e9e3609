package lino.linod.site;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * linod's database, first of all linod's beans to start: defines {@code java:app/jdbc/linod}, brings its schema up
 * to date ({@link Schema}, before the daemon or the persistence unit touch a table), tells whether it is reachable,
 * and shuts embedded Derby down when the application stops. Otherwise the stopped application's Derby keeps the
 * database locked inside the server's JVM, and a redeployment fails with "Another instance of Derby may have
 * already booted the database". The daemon depends on this bean, so the daemon stops first.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(name = "java:app/jdbc/linod", className = "lino.linod.site.ConfiguredDataSource",
        databaseName = "linod", properties = {
            // Payara's pool: a connection broken by a database outage is found (the driver's isValid) and every
            // pooled connection replaced, so that linod goes on when the database is back.
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"})
public class Database {

    private static final Logger LOG = Logger.getLogger("lino.linod");
    private static final String EMBEDDED = "jdbc:derby:";

    @Resource(lookup = "java:app/jdbc/linod")
    DataSource dataSource;

    @Inject
    Settings settings;

    /** The embedded Derby database's name, or null for any other database. */
    private String derbyDatabase;

    private volatile Schema.Result migrated;

    @PostConstruct
    void start() {
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            if (url != null && url.startsWith(EMBEDDED) && !url.startsWith(EMBEDDED + "//")) {
                String name = url.substring(EMBEDDED.length());
                derbyDatabase = name.contains(";") ? name.substring(0, name.indexOf(';')) : name;
            }
            if (ConfiguredDataSource.serverBinds(dataSource, url)) {
                LOG.info("java:app/jdbc/linod is a data source of the server's (" + url + "), not linod's own:"
                        + " the LINOD_JDBC_* settings do not apply, and linod's own connections (heartbeat,"
                        + " outage probe) use it too.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("linod: cannot connect to its database java:app/jdbc/linod: " + e, e);
        }
        Schema.Result result = Schema.migrate(dataSource);
        LOG.info(result.message());
        settings.useSiteZone(siteZone());
        migrated = result;
    }

    /**
     * The site's time zone, kept in the database at the first start ({@code LINOD_SITE}), so that nodes in
     * different JVM zones compute the same next runs. A node whose {@code zone} setting differs is told so.
     */
    private ZoneId siteZone() {
        ZoneId own = settings.zone();
        try (Connection c = dataSource.getConnection()) {
            String stored = storedZone(c);
            if (stored == null) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO LINOD_SITE (NAME, SETTING_VALUE) VALUES ('zone', ?)")) {
                    insert.setString(1, own.getId());
                    insert.executeUpdate();
                    LOG.info("The site's time zone is " + own + " (kept in the database).");
                    return own;
                } catch (SQLException raced) {
                    stored = storedZone(c);
                    if (stored == null) {
                        throw raced;
                    }
                }
            }
            ZoneId site = ZoneId.of(stored);
            if (!site.equals(own) && settings.zoneGiven()) {
                LOG.warning("linod.zone is " + own + " here, but the site's time zone is " + site
                        + " (kept in the database, table LINOD_SITE): " + site + " is used.");
            }
            return site;
        } catch (SQLException | java.time.DateTimeException e) {
            throw new IllegalStateException("linod: cannot read the site's time zone: " + e, e);
        }
    }

    private static String storedZone(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT SETTING_VALUE FROM LINOD_SITE WHERE NAME = 'zone'");
                ResultSet r = q.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** Whether this is embedded Derby: one node only (its database is locked by one JVM). */
    public boolean embedded() {
        return derbyDatabase != null;
    }

    /** The schema version this code needs, once it has been applied. */
    public int schemaVersion() {
        return Schema.VERSION;
    }

    /** Whether the migrations have run to the end at start-up. */
    public boolean migrated() {
        return migrated != null;
    }

    /** Whether a connection can be had and answers within the timeout. */
    public boolean reachable(int timeoutSeconds) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(timeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Database not reachable", e);
            return false;
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
