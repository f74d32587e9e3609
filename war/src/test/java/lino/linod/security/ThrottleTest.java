package lino.linod.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private Instant now = Instant.parse("2026-11-30T10:00:00Z");
    private final Throttle throttle = new Throttle(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    private void tick(Duration d) {
        now = now.plus(d);
    }

    @Test
    void theFirstFailuresOfAUserAreFreeThenDelaysDoubleUpToAMinute() {
        for (int i = 0; i < Throttle.FREE_PER_USER; i++) {
            assertEquals(Duration.ZERO, throttle.waitFor("ann", "10.0.0." + i), "failure " + i);
            throttle.failed("ann", "10.0.0." + i);
        }
        assertEquals(Duration.ofSeconds(1), throttle.waitFor("ann", "10.0.0.99"), "from any address");
        assertEquals(Duration.ZERO, throttle.waitFor("bob", "10.0.0.99"), "another user is not slowed");
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (long seconds : expected) {
            assertEquals(Duration.ofSeconds(seconds), throttle.waitFor("ann", "10.0.1.1"));
            tick(Duration.ofSeconds(seconds - 1));
            assertEquals(Duration.ofSeconds(1), throttle.waitFor("ann", "10.0.1.1"), "still waiting");
            tick(Duration.ofSeconds(1));
            assertEquals(Duration.ZERO, throttle.waitFor("ann", "10.0.1.1"), "a patient user gets through");
            throttle.failed("ann", "10.0.1.1");
        }
    }

    @Test
    void onlyTheFirstRefusalAfterAFailureIsWorthALogLine() {
        for (int i = 0; i < Throttle.FREE_PER_USER; i++) {
            throttle.failed("ann", "10.0.0.1");
        }
        org.junit.jupiter.api.Assertions.assertTrue(throttle.firstRefusal("ann", "10.0.0.1"));
        org.junit.jupiter.api.Assertions.assertFalse(throttle.firstRefusal("ann", "10.0.0.1"));
        throttle.failed("ann", "10.0.0.1");
        org.junit.jupiter.api.Assertions.assertTrue(throttle.firstRefusal("ann", "10.0.0.1"));
    }

    @Test
    void manyNamesFromOneAddressAreSlowedByTheAddress() {
        for (int i = 0; i < Throttle.FREE_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(1), throttle.waitFor("someone", "10.0.0.1"));
        assertEquals(Duration.ZERO, throttle.waitFor("someone", "10.0.0.2"));
    }

    @Test
    void guessesFromElsewhereDoNotKeepAUserOutWhereTheySignedInBefore() {
        throttle.succeeded("ann", "10.0.0.1");
        for (int i = 0; i < 20; i++) {
            throttle.failed("ann", "10.0.9." + i);
        }
        assertEquals(Duration.ZERO, throttle.waitFor("ann", "10.0.0.1"), "ann at her usual address");
        assertEquals(Throttle.LONGEST, throttle.waitFor("ann", "10.0.8.1"), "ann anywhere else");
        for (int i = 0; i < Throttle.FREE_PER_USER; i++) {
            throttle.failed("ann", "10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(1), throttle.waitFor("ann", "10.0.0.1"), "guesses from her own address count");
    }

    @Test
    void aSuccessGivesAGuesserNoFreeAttemptsAndCountsAreForgotten() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("ann", "10.0.0.2");
        }
        throttle.succeeded("ann", "10.0.0.1");
        assertEquals(Duration.ofSeconds(8), throttle.waitFor("ann", "10.0.0.2"));
        assertEquals(Duration.ofSeconds(8), throttle.waitFor("ann", "10.0.0.3"));
        tick(Throttle.FORGET);
        assertEquals(Duration.ZERO, throttle.waitFor("ann", "10.0.0.2"));
        assertEquals(1, throttle.failed("ann", "10.0.0.2")[0].count(), "counting starts again");
    }
}
