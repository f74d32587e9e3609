package lino.linod.site;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source class behind {@code java:app/jdbc/linod}: embedded Derby by default, or the database that the
 * operator names with {@code linod.jdbc_url} (and {@code jdbc_user}, {@code jdbc_password}, {@code jdbc_driver}),
 * for example PostgreSQL shared by several nodes. So the same EAR runs on either without a server-specific data
 * source; the server still pools the connections. The JDBC driver of another database belongs in the server's
 * library folder.
 */
public class ConfiguredDataSource implements DataSource {

    static final String DERBY = "jdbc:derby:";

    private volatile DataSource derby;
    private int loginTimeout;
    private String databaseName = "linod";

    /**
     * The embedded Derby database's name (a folder under {@code derby.system.home}), given by the data source
     * definition. Servers also insist on at least one property for a data source class.
     */
    public void setDatabaseName(String databaseName) {
        this.databaseName = databaseName;
    }

    public String getDatabaseName() {
        return databaseName;
    }

    /** Set when the server binds {@code java:app/jdbc/linod} to a data source of its own (Open Liberty). */
    private static volatile DataSource server;

    /**
     * Where linod's connections of its own (the heartbeat, the probe during an outage, PostgreSQL's LISTEN) come
     * from: this class, reaching the database that the settings name; or the server's data source when
     * {@code java:app/jdbc/linod} is not this class's (see {@link #serverBinds}), since the settings then name no
     * database at all.
     */
    public static DataSource own() {
        DataSource bound = server;
        return bound != null ? bound : new ConfiguredDataSource();
    }

    /**
     * Called by {@link Database} at the start with the URL that {@code java:app/jdbc/linod} reached: when it is not
     * the URL of the settings, the server has bound the name to a data source of its own, and linod's own
     * connections use that one. Returns whether it did.
     */
    static boolean serverBinds(DataSource bound, String reachedUrl) {
        boolean other = reachedUrl == null || !reachedUrl.equals(new ConfiguredDataSource().url());
        server = other ? bound : null;
        return other;
    }

    /** Whether the operator's database is PostgreSQL (several nodes may share it). */
    public static boolean isPostgres() {
        String url = Settings.outside("jdbc_url");
        return url != null && url.trim().startsWith("jdbc:postgresql:");
    }

    /** The configured URL; embedded Derby's database when none is given. */
    String url() {
        String url = Settings.outside("jdbc_url");
        return url == null || url.isBlank() ? DERBY + databaseName : url.trim();
    }

    @Override
    public Connection getConnection() throws SQLException {
        String url = url();
        if (url.startsWith(DERBY) && !url.startsWith(DERBY + "//")) {
            return derby(url.substring(DERBY.length())).getConnection();
        }
        String driver = Settings.outside("jdbc_driver");
        if (driver != null && !driver.isBlank()) {
            try {
                // Loading the driver registers it; DriverManager alone would not look in the server's library.
                Class.forName(driver.trim(), true, ConfiguredDataSource.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new SQLException("JDBC driver " + driver + " not found: put its jar in the server's library",
                        e);
            }
        }
        return DriverManager.getConnection(url, Settings.outside("jdbc_user"), Settings.outside("jdbc_password"));
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    /** Derby's own embedded data source, made through reflection so that Derby is needed only when used. */
    private DataSource derby(String database) throws SQLException {
        DataSource made = derby;
        if (made == null) {
            String name = database.contains(";") ? database.substring(0, database.indexOf(';')) : database;
            try {
                Object ds = Class.forName("org.apache.derby.jdbc.EmbeddedDataSource").getDeclaredConstructor()
                        .newInstance();
                ds.getClass().getMethod("setDatabaseName", String.class).invoke(ds, name);
                ds.getClass().getMethod("setCreateDatabase", String.class).invoke(ds, "create");
                made = (DataSource) ds;
                derby = made;
            } catch (ReflectiveOperationException e) {
                throw new SQLException("Embedded Derby (derby, derbytools, derbyshared) is not on the class path", e);
            }
        }
        return made;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Connections log through their own drivers.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
