package lino.linod.recurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The column names are shared with the schema and the daemon's queries: keep them from drifting. */
class MappingTest {

    @Test
    void embeddableColumns() throws Exception {
        assertTrue(Recurrence.class.isAnnotationPresent(Embeddable.class));
        assertTrue(Modifier.isProtected(Recurrence.class.getDeclaredConstructor().getModifiers()));
        Map<String, String> columns = Arrays.stream(Recurrence.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Column.class))
                .collect(Collectors.toMap(Field::getName, f -> f.getAnnotation(Column.class).name(), (a, b) -> a,
                        TreeMap::new));
        assertEquals(new TreeMap<>(Map.ofEntries(Map.entry("unit", "EVERY_UNIT"), Map.entry("every", "EVERY_VALUE"),
                Map.entry("monday", "MONDAY"), Map.entry("tuesday", "TUESDAY"), Map.entry("wednesday", "WEDNESDAY"),
                Map.entry("thursday", "THURSDAY"), Map.entry("friday", "FRIDAY"), Map.entry("saturday", "SATURDAY"),
                Map.entry("sunday", "SUNDAY"), Map.entry("positions", "POSITIONS"),
                Map.entry("startDate", "START_DATE"), Map.entry("startTime", "START_TIME"),
                Map.entry("endDate", "END_DATE"), Map.entry("endTime", "END_TIME"),
                Map.entry("maxEvents", "MAX_EVENTS"), Map.entry("cron", "CRON"), Map.entry("zone", "ZONE_ID"))),
                columns);
        assertEquals(EnumType.STRING, Recurrence.class.getDeclaredField("unit").getAnnotation(Enumerated.class).value());
        assertEquals(200, Recurrence.class.getDeclaredField("cron").getAnnotation(Column.class).length());
        for (Field field : Recurrence.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                assertTrue(field.isAnnotationPresent(Column.class) || field.isAnnotationPresent(Enumerated.class),
                        field.getName() + " is persistent and needs an explicit column");
            }
        }
    }
}
