package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * linod's schema on PostgreSQL 15 (a cluster of the test's own), on real Payara Micro processes with the built
 * WAR: two nodes started at once on one empty database make one schema without an error (one migrates, the other
 * waits under Liquibase's lock and finds it up to date); a database made by linod 0.1.0 is taken over with its rows
 * and ends with the very same schema as a new one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresSchemaIT {

    static final List<String> CHANGE_SETS = List.of("1-tables", "1-not-from-hibernate", "1-no-id-table",
            "1-id-sequence");

    private static PostgresProcess postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresProcess.start();
        postgres.createDatabase("upgraded");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(database), PostgresProcess.USER, PostgresProcess.PASSWORD);
    }

    private static ServerProcess micro(String database, String node, Map<String, String> more) throws Exception {
        Map<String, String> environment = new HashMap<>(postgres.linodEnvironment(database));
        environment.put("LINOD_NODE", node);
        environment.putAll(more);
        return ServerProcess.micro(Deployments.builtWar(), "derby-unused-" + node, environment,
                List.of(Path.of(System.getProperty("linod.postgresqlJar", "target/postgresql.jar"))));
    }

    private static void awaitReady(ServerProcess micro) throws InterruptedException {
        if (micro.awaitLine(ServerProcess::isMicroReady, Duration.ofMinutes(4)).isEmpty()) {
            throw new AssertionError("Payara Micro did not get ready:\n" + micro.tail());
        }
    }

    @Test
    @Order(1)
    void twoNodesStartedAtOnceOnAnEmptyDatabaseMakeOneSchema() throws Exception {
        List<ServerProcess> nodes = new ArrayList<>();
        try {
            for (String node : List.of("node-a", "node-b")) {
                nodes.add(micro("linod", node, Map.of("LINOD_ADMIN_PASSWORD", "Two-nodes-1")));
            }
            for (ServerProcess node : nodes) {
                awaitReady(node);
                assertEquals(200, Http.get(node, "health/ready", null, null).status(), node.tail());
                assertEquals(200, Http.get(node, "api/tasks", "admin", "Two-nodes-1").status(), node.tail());
            }
            int made = 0;
            int upToDate = 0;
            for (ServerProcess node : nodes) {
                if (node.awaitLine(l -> l.contains("Database schema version 1 made"), Duration.ZERO).isPresent()) {
                    made++;
                }
                if (node.awaitLine(l -> l.contains("Database schema is up to date (version 1)"), Duration.ZERO)
                        .isPresent()) {
                    upToDate++;
                }
                assertTrue(node.awaitLine(l -> l.contains("SEVERE") || l.contains("migration failed"),
                        Duration.ZERO).isEmpty(), "no error at start-up:\n" + node.tail());
            }
            assertEquals(1, made, "one node migrated");
            assertEquals(1, upToDate, "the other found the schema up to date");
            try (Connection c = connect("linod")) {
                assertEquals(CHANGE_SETS, Databases.changeSets(c), "each change set applied once");
                assertEquals(1, Databases.count(c, "SELECT COUNT(*) FROM LINOD_USER"), "one admin, made once");
                Map<String, List<String>> layout = Databases.layout(c);
                assertTrue(layout.get("LINOD_RUN").contains("CAPTURED_LOG TEXT"), layout.toString());
                assertTrue(layout.values().stream().flatMap(List::stream).noneMatch(col -> col.contains(" OID")),
                        "no large objects: " + layout);
            }
        } finally {
            for (ServerProcess node : nodes) {
                node.close();
            }
        }
    }

    /** Second: its schema is compared with the one the first test made. */
    @Test
    @Order(2)
    void aDatabaseOfRelease010IsTakenOverWithItsRows() throws Exception {
        Release010 before;
        try (Connection c = connect("upgraded")) {
            before = Release010.load(c, "postgresql");
        }
        try (ServerProcess micro = micro("upgraded", "node-upgrade", Map.of("LINOD_ADMIN_PASSWORD",
                "Not-the-0.1.0-one", "LINOD_HISTORY_RETENTION", "P36500D"))) {
            awaitReady(micro);
            assertTrue(micro.awaitLine(l -> l.contains("Database schema migrated from version 0 to 1"),
                    Duration.ofSeconds(5)).isPresent(), "the take-over is logged:\n" + micro.tail());
            before.checkOverHttp(micro);
        }
        try (Connection upgraded = connect("upgraded"); Connection fresh = connect("linod")) {
            before.checkKept(upgraded);
            assertEquals(CHANGE_SETS, Databases.changeSets(upgraded));
            assertEquals(Databases.layout(fresh), Databases.layout(upgraded), "the same schema as a new database's");
        }
    }
}
