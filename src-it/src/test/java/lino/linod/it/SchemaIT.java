package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * linod's schema on embedded Derby, on the real Payara Micro with the built WAR: a new database gets the current
 * schema by the migrations; a database made by linod 0.1.0 is taken over with its rows and ends with the very same
 * schema; a database migrated by newer code is refused with a message naming both versions, and left unchanged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaIT {

    static final List<String> DERBY_CHANGE_SETS = List.of("1-tables", "1-not-from-hibernate", "1-derby-booleans",
            "1-no-id-table", "1-id-sequence", "2-nodes", "2-site", "3-task-indexes", "3-run-indexes", "4-task-policies", "4-run-stop");

    private static Map<String, List<String>> freshLayout;
    /** What linod 0.1.0 left in its database, read before the node of {@link #aDatabaseOfRelease010IsTakenOverWithItsRows} starts. */
    private static Release010 release010;
    /** That node, started together with the new database's (two starts at once take less time than one after the other). */
    private static ServerProcess release010Node;

    /** Starts the WAR on {@code derbyHome} (under target/) and waits until it is ready. */
    static ServerProcess start(String derbyHome, Map<String, String> environment) throws Exception {
        return ServerProcess.micro(Deployments.builtWar(), derbyHome, environment, List.of()).awaitReady();
    }

    static Path database(String derbyHome) {
        return ServerProcess.itDir().toPath().resolve(derbyHome).resolve("linod").toAbsolutePath();
    }

    /** The layout that the migrations give a new Derby database (made once per test JVM). */
    static synchronized Map<String, List<String>> freshLayout() throws Exception {
        if (freshLayout == null) {
            startRelease010Node();
            try (ServerProcess micro = start("derby-schema-new", Map.of("LINOD_ADMIN_PASSWORD", "Schema-it-1"))) {
                assertEquals(200, Http.get(micro, "health/ready", null, null).status(), micro.tail());
                assertTrue(micro.awaitLine(l -> l.contains("Database schema version 4 made"), Duration.ofSeconds(5))
                        .isPresent(), "the new database's migration is logged");
            }
            Path db = database("derby-schema-new");
            try (Connection c = Databases.derby(db)) {
                assertEquals(DERBY_CHANGE_SETS, Databases.changeSets(c));
                assertFalse(Databases.tableExists(c, "LINOD_SEQUENCE"), "no provider id table");
                assertEquals(1, Databases.count(c,
                        "SELECT COUNT(*) FROM SYS.SYSSEQUENCES WHERE SEQUENCENAME = 'LINOD_ID_SEQ'"));
                freshLayout = Databases.layout(c);
            } finally {
                Databases.shutDownDerby(db);
            }
        }
        return freshLayout;
    }

    /** Reads what 0.1.0 left, then starts a node on it without waiting for it. */
    private static void startRelease010Node() throws Exception {
        if (release010 != null) {
            return;
        }
        Path db = database("derby-schema-0.1.0");
        try (Connection c = Databases.derby(db)) {
            release010 = Release010.load(c, "derby");
        } finally {
            Databases.shutDownDerby(db);
        }
        // A password of the environment does not replace the existing admin's; old runs must not age out here.
        release010Node = ServerProcess.micro(Deployments.builtWar(), "derby-schema-0.1.0", Map.of(
                "LINOD_ADMIN_PASSWORD", "Not-the-0.1.0-one", "LINOD_HISTORY_RETENTION", "P36500D"), List.of());
    }

    @org.junit.jupiter.api.AfterAll
    static void stopLeftNodes() throws InterruptedException {
        if (release010Node != null) {
            release010Node.close();
        }
    }

    @Test
    @Order(1)
    void aNewDatabaseGetsTheSchemaOfTheMigrations() throws Exception {
        Map<String, List<String>> layout = freshLayout();
        assertEquals(List.of("LINOD_CHANGE", "LINOD_NODE", "LINOD_RUN", "LINOD_SITE", "LINOD_SYSTEM_TASK", "LINOD_USER",
                "LINOD_USER_ROLE"),
                List.copyOf(layout.keySet()));
        assertTrue(layout.get("LINOD_RUN").contains("CAPTURED_LOG CLOB"), layout.get("LINOD_RUN").toString());
        assertTrue(layout.get("LINOD_SYSTEM_TASK").contains("DISABLED BOOLEAN NOT NULL"),
                layout.get("LINOD_SYSTEM_TASK").toString());
    }

    @Test
    @Order(2)
    void aDatabaseOfRelease010IsTakenOverWithItsRows() throws Exception {
        startRelease010Node();
        Path db = database("derby-schema-0.1.0");
        Release010 before = release010;
        try (ServerProcess micro = release010Node.awaitReady()) {
            assertTrue(micro.awaitLine(l -> l.contains("Database schema migrated from version 0 to 4"),
                    Duration.ofSeconds(5)).isPresent(), "the take-over is logged:\n" + micro.tail());
            before.checkOverHttp(micro);
        }
        try (Connection c = Databases.derby(db)) {
            before.checkKept(c);
            assertEquals(DERBY_CHANGE_SETS, Databases.changeSets(c));
            assertEquals(freshLayout(), Databases.layout(c), "the same schema as a new database's");
        } finally {
            Databases.shutDownDerby(db);
        }
    }

    /** Last: it leaves the new database marked as migrated by a later release. */
    @Test
    @Order(3)
    void aDatabaseOfNewerCodeIsRefusedAndLeftAlone() throws Exception {
        freshLayout();
        Path db = database("derby-schema-new");
        long tasks;
        try (Connection c = Databases.derby(db); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED,"
                    + " EXECTYPE) VALUES ('5-from-a-later-release', 'linod', 'lino/linod/site/schema.xml',"
                    + " CURRENT_TIMESTAMP, 99, 'EXECUTED')");
            tasks = Databases.count(c, "SELECT COUNT(*) FROM LINOD_SYSTEM_TASK");
        } finally {
            Databases.shutDownDerby(db);
        }
        try (ServerProcess micro = ServerProcess.micro(Deployments.builtWar(), "derby-schema-new",
                Map.of("LINOD_ADMIN_PASSWORD", "Schema-it-1"), List.of())) {
            Optional<String> refusal = micro.awaitLine(l -> l.contains("newer than version"),
                    ServerProcess::isMicroReady, Duration.ofMinutes(3));
            assertTrue(refusal.isPresent(), "the deployment fails:\n" + micro.tail());
            assertTrue(refusal.get().contains("schema is version 5, newer than version 4"), refusal.get());
        }
        try (Connection c = Databases.derby(db)) {
            assertEquals(DERBY_CHANGE_SETS.size() + 1, Databases.changeSets(c).size(), "no migration ran");
            assertEquals(tasks, Databases.count(c, "SELECT COUNT(*) FROM LINOD_SYSTEM_TASK"), "no task was made");
        } finally {
            Databases.shutDownDerby(db);
        }
    }
}
