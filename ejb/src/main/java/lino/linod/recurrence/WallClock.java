package lino.linod.recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Maps wall-clock times to instants with the engine's daylight-saving rule.
 * {@code ZonedDateTime.of} moves a time in a gap forward by the gap's length (02:30 becomes 03:30); people expect
 * the run as soon as the clock allows it, so a missing time maps to the end of the gap (03:00).
 * A time that occurs twice maps to its first occurrence only. The mapping never decreases, which lets callers
 * search slots in local time and compare instants.
 */
final class WallClock {

    private WallClock() {
    }

    static Instant instant(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }
}
