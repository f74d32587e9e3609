package lino.linod.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The changelog as a document, and the migrations on a real embedded Derby in this JVM (the container tests run
 * them on Payara Micro, Payara Server and WildFly, on Derby and PostgreSQL).
 */
class SchemaTest {

    @Test
    void theCodesVersionIsTheChangelogsHighestAndIdsAreOurs() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList sets;
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(Schema.CHANGELOG)) {
            sets = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "changeSet");
        }
        int highest = 0;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sets.getLength(); i++) {
            Element set = (Element) sets.item(i);
            String id = set.getAttribute("id");
            assertTrue(id.matches("[1-9][0-9]*-[a-z0-9-]+"), "id VERSION-name: " + id);
            assertTrue(ids.add(id), "unique: " + id);
            assertEquals(Schema.AUTHOR, set.getAttribute("author"), id);
            highest = Math.max(highest, Integer.parseInt(id.substring(0, id.indexOf('-'))));
        }
        assertEquals(Schema.VERSION, highest, "Schema.VERSION follows the changelog");
    }

    @Test
    void theIdSequenceStartsAboveEveryIdInUse() {
        for (long max : new long[] {0, 1, 49, 50, 51, 108, 120, 999_999}) {
            long start = IdSequence.start(max);
            assertEquals(0, start % IdSequence.BLOCK, "a block end");
            assertTrue(start - IdSequence.BLOCK + 1 > max, "the first block " + (start - IdSequence.BLOCK + 1)
                    + ".." + start + " lies above " + max);
        }
    }

    private static DataSource derby(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    @Test
    void refusesADatabaseThatHibernateMadeForRelease010() throws Exception {
        DataSource ds = derby(Files.createTempDirectory("linod-schema-test"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE LINOD_SYSTEM_TASK (ID BIGINT NOT NULL PRIMARY KEY)");
            s.execute("CREATE TABLE LINOD_SEQUENCE (SEQUENCE_NAME VARCHAR(255) NOT NULL, NEXT_VAL BIGINT)");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Schema.migrate(ds));
        assertTrue(refused.getMessage().contains("made by linod 0.1.0 on WildFly"), refused.getMessage());
        try (Connection c = ds.getConnection()) {
            assertTrue(Schema.tableExists(c, "LINOD_SEQUENCE"), "left alone");
        }
    }

    @Test
    void migratesANewDatabaseOnceAndRefusesANewerOne() throws Exception {
        Path dir = Files.createTempDirectory("linod-schema-test");
        DataSource ds = derby(dir);
        Schema.Result first = Schema.migrate(ds);
        assertEquals(new Schema.Result(true, 0, Schema.VERSION, 11), first);
        assertTrue(first.message().contains("made"), first.message());
        Schema.Result again = Schema.migrate(ds);
        assertEquals(0, again.applied(), "nothing to do the second time");
        assertTrue(again.message().contains("up to date"), again.message());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED,"
                    + " EXECTYPE) VALUES ('7-later', 'linod', 'x', CURRENT_TIMESTAMP, 99, 'EXECUTED')");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Schema.migrate(ds));
        assertTrue(refused.getMessage().contains("version 7, newer than version " + Schema.VERSION),
                refused.getMessage());
        try {
            derby(dir).getConnection(); // keep the reference used
            EmbeddedDataSource shut = new EmbeddedDataSource();
            shut.setDatabaseName(dir.resolve("db").toString());
            shut.setShutdownDatabase("shutdown");
            shut.getConnection();
        } catch (SQLException e) {
            assertEquals("08006", e.getSQLState(), e.toString());
        }
    }
}
