package lino.linod.site;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.AbstractResource;
import liquibase.resource.OpenOptions;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * linod's schema, kept by versioned Liquibase migrations ({@code lino/linod/site/schema.xml}), the same for Derby
 * and PostgreSQL and for both JPA providers (their own schema generation is off). Migrations run at start-up under
 * Liquibase's lock table, so that of several nodes starting at once one migrates and the others wait.
 *
 * <p>The schema version is the number before the first dash of a change set's id. A database whose highest
 * version is above {@link #VERSION} was migrated by newer code: this code refuses to start on it and changes
 * nothing.
 */
public final class Schema {

    /** The schema version this code needs: the highest version in {@code schema.xml}. */
    public static final int VERSION = 4;

    static final String CHANGELOG = "lino/linod/site/schema.xml";
    static final String AUTHOR = "linod";
    /** The key of the PostgreSQL advisory lock held while migrating ("linod" in ASCII). */
    private static final long ADVISORY_LOCK = 0x6c696e6f64L;
    /** Held, so that its level stays: Liquibase's own messages are only of interest when something goes wrong. */
    private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

    private Schema() {
    }

    /** What a migration did. */
    public record Result(boolean empty, int before, int after, int applied) {
        String message() {
            return applied == 0 ? "Database schema is up to date (version " + after + ")."
                    : empty ? "Database schema version " + after + " made (" + applied + " change sets)."
                    : "Database schema migrated from version " + before + " to " + after + " (" + applied
                    + " change sets).";
        }
    }

    /** Brings the database up to {@link #VERSION}; fails, changing nothing, when it is newer than the code. */
    static Result migrate(DataSource dataSource) {
        LIQUIBASE.setLevel(Boolean.getBoolean("linod.liquibaseDebug") ? Level.FINE : Level.WARNING);
        ClassLoader loader = Schema.class.getClassLoader();
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            if (postgres) {
                // Liquibase makes its own tables outside its lock: three nodes starting at once on an empty
                // database failed with 'relation "databasechangelog" already exists'. One migrates at a time.
                try (Statement lock = c.createStatement()) {
                    lock.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK + ")");
                }
            }
            try {
                return migrate(c, loader);
            } finally {
                if (postgres) {
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                    try (Statement unlock = c.createStatement()) {
                        unlock.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("linod: cannot migrate the database schema: " + e, e);
        }
    }

    private static Result migrate(Connection c, ClassLoader loader) {
        try {
            c.setAutoCommit(false);
            int before = version(c);
            boolean empty = !tableExists(c, "LINOD_SYSTEM_TASK");
            String idTable = !tableExists(c, "LINOD_SEQUENCE") ? "none"
                    : columnExists(c, "LINOD_SEQUENCE", "NEXT_VAL") ? "hibernate" : "eclipselink";
            c.commit();
            if (before > VERSION) {
                throw new IllegalStateException("linod: the database's schema is version " + before
                        + ", newer than version " + VERSION + " that this code knows: run a linod release that "
                        + "knows schema version " + before + " (or restore a backup made before the upgrade). "
                        + "Nothing was changed.");
            }
            java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();
            AbstractChangeExecListener counter = new AbstractChangeExecListener() {
                @Override
                public void ran(ChangeSet changeSet, DatabaseChangeLog log, liquibase.database.Database database,
                        ChangeSet.ExecType type) {
                    applied.incrementAndGet();
                }
            };
            Map<String, Object> scope = Map.of(
                    Scope.Attr.classLoader.name(), loader,
                    Scope.Attr.resourceAccessor.name(), new Classpath(loader),
                    Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService(),
                    "liquibase.analytics.enabled", false,
                    "liquibase.showBanner", false,
                    "liquibase.hub.mode", "off");
            Scope.child(scope, () -> {
                liquibase.database.Database db = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(c));
                Liquibase liquibase = new Liquibase(CHANGELOG, new Classpath(loader), db);
                liquibase.setChangeExecListener(counter);
                liquibase.setChangeLogParameter("linod.tables", empty ? "none" : "present");
                liquibase.setChangeLogParameter("linod.idTable", idTable);
                liquibase.update("");
            });
            c.commit();
            int after = version(c);
            if (after != VERSION) {
                throw new IllegalStateException("linod: after the migrations the schema is version " + after
                        + ", not " + VERSION);
            }
            return new Result(empty, before, after, applied.get());
        } catch (SQLException e) {
            throw new IllegalStateException("linod: cannot migrate the database schema: " + e, e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            Throwable cause = e instanceof LiquibaseException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("linod: the database schema migration failed: " + cause, e);
        }
    }

    /** The highest schema version applied to this database; 0 when none (new, or made by linod 0.1.0). */
    static int version(Connection c) throws SQLException {
        int version = 0;
        for (String id : ids(c)) {
            int dash = id.indexOf('-');
            try {
                version = Math.max(version, Integer.parseInt(dash < 0 ? id : id.substring(0, dash)));
            } catch (NumberFormatException e) {
                // Not one of ours.
            }
        }
        return version;
    }

    private static List<String> ids(Connection c) throws SQLException {
        if (!tableExists(c, "DATABASECHANGELOG")) {
            return List.of();
        }
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT ID FROM DATABASECHANGELOG WHERE AUTHOR = '" + AUTHOR + "'")) {
            List<String> ids = new java.util.ArrayList<>();
            while (r.next()) {
                ids.add(r.getString(1));
            }
            return ids;
        } finally {
            c.commit();
        }
    }

    static boolean columnExists(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (boolean upper : new boolean[] {true, false}) {
            String t = upper ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
            String col = upper ? column.toUpperCase(Locale.ROOT) : column.toLowerCase(Locale.ROOT);
            try (ResultSet r = meta.getColumns(null, null, t, col)) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet r = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Serves the changelog from linod's class loader and nothing else. Liquibase's own class-path accessor turns
     * resource URLs into paths, which fails for WildFly's {@code vfs:} URLs.
     */
    static final class Classpath implements ResourceAccessor {

        private final ClassLoader loader;

        Classpath(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public List<Resource> search(String path, boolean recursive) {
            return getAll(path);
        }

        @Override
        public List<Resource> getAll(String path) {
            String clean = path.startsWith("/") ? path.substring(1) : path;
            return loader.getResource(clean) == null ? null : List.of(new Entry(clean));
        }

        @Override
        public List<String> describeLocations() {
            return List.of("linod's class path");
        }

        @Override
        public void close() {
        }

        private final class Entry extends AbstractResource {

            Entry(String path) {
                super(path, URI.create("classpath:" + path));
            }

            @Override
            public InputStream openInputStream() throws IOException {
                InputStream in = loader.getResourceAsStream(getPath());
                if (in == null) {
                    throw new IOException("Not on the class path: " + getPath());
                }
                return in;
            }

            @Override
            public boolean exists() {
                return loader.getResource(getPath()) != null;
            }

            @Override
            public Resource resolve(String other) {
                return new Entry(resolvePath(other));
            }

            @Override
            public Resource resolveSibling(String other) {
                return new Entry(resolveSiblingPath(other));
            }

            @Override
            public java.io.OutputStream openOutputStream(OpenOptions options) throws IOException {
                throw new IOException("Read-only: " + getPath());
            }
        }
    }
}
