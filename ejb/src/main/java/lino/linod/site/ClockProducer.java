package lino.linod.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of time for linod, in whole milliseconds as stored; tests replace it with a clock they tick. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    Clock clock() {
        return Clock.tickMillis(java.time.ZoneOffset.UTC);
    }
}
