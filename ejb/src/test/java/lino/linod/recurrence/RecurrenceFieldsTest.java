package lino.linod.recurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one reader of a recurrence given as text, which the pages and the API share. */
class RecurrenceFieldsTest {

    private static List<String> fieldsOf(RecurrenceFields given) {
        List<Violation> found = new ArrayList<>();
        assertNull(given.read(found), "refused: " + found);
        return found.stream().map(Violation::field).toList();
    }

    @Test
    void readsWhatAUserTyped() {
        List<Violation> found = new ArrayList<>();
        Recurrence r = new RecurrenceFields(" monthly ", " 2 ", List.of("Friday"), List.of("-1"), null, "09:30",
                "", null, "", null, null).read(found);
        assertEquals(List.of(), found);
        assertEquals(Unit.MONTHLY, r.unit());
        assertEquals(2, r.every());
        assertEquals(Set.of(DayOfWeek.FRIDAY), r.weekdays());
        assertEquals(List.of(-1), r.positions());
        assertEquals(LocalTime.of(9, 30), r.startTime());
    }

    @Test
    void everyMistakeNamesItsField() {
        assertEquals(List.of("unit", "every", "weekdays", "positions", "startDate", "startTime", "maxEvents", "zone"),
                fieldsOf(new RecurrenceFields("fortnightly", "two", List.of("funday"), List.of("first"),
                        "2026-02-30", "25:00", null, null, "many", null, "Mars/Olympus_Mons")));
        assertEquals(List.of("every"), fieldsOf(new RecurrenceFields("daily", "0", null, null, null, null, null,
                null, null, null, null)));
        assertEquals(List.of("endDate"), fieldsOf(new RecurrenceFields("daily", "1", null, null, "2026-05-10",
                null, "2026-05-01", null, null, null, null)));
    }
}
