package lino.linod.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it; it replaces linod's system clock in the test deployment. */
@Alternative
@Priority(1000)
@ApplicationScoped
public class TestClock {

    /** Monday 5 January 2026, 08:00 UTC. */
    public static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private static final Settable CLOCK = new Settable(START);

    @Produces
    Clock clock() {
        return CLOCK;
    }

    public static void advance(Duration by) {
        CLOCK.now = CLOCK.now.plus(by);
    }

    public static Instant now() {
        return CLOCK.now;
    }

    static final class Settable extends Clock {

        volatile Instant now;

        Settable(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
