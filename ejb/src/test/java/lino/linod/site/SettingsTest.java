package lino.linod.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The limits' settings, given as system properties (the environment cannot be set from a test). */
class SettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("linod.max_tasks");
        System.clearProperty("linod.shortest_interval");
    }

    private static Settings read() {
        Settings settings = new Settings();
        settings.read();
        return settings;
    }

    @Test
    void defaults() {
        Settings settings = read();
        assertEquals(10_000, settings.maxTasks());
        assertEquals(Duration.ofSeconds(1), settings.shortestInterval());
    }

    @Test
    void given() {
        System.setProperty("linod.max_tasks", " 3 ");
        System.setProperty("linod.shortest_interval", "PT1M");
        Settings settings = read();
        assertEquals(3, settings.maxTasks());
        assertEquals(Duration.ofMinutes(1), settings.shortestInterval());
    }

    @ParameterizedTest
    @CsvSource({"max_tasks, 0", "max_tasks, -1", "max_tasks, many", "max_tasks, 100001", "max_tasks, 1e3",
            "max_tasks, 99999999999999999999", "shortest_interval, 1s", "shortest_interval, PT-1S",
            "shortest_interval, P400D", "shortest_interval, 60"})
    void aBadValueFailsTheStartNamingTheSetting(String name, String value) {
        System.setProperty("linod." + name, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, SettingsTest::read);
        assertTrue(e.getMessage().startsWith("linod." + name), e.getMessage());
    }
}
