package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import lino.linod.daemon.Daemon;
import lino.linod.run.Runs;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lino's {@code use_linod = False}: the daemon does not start and nothing runs. */
@ExtendWith(ArquillianExtension.class)
class SwitchedOffIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.linodWithoutDemo("linod-off-it", "use_linod=false\n")
                .addClasses(SwitchedOffIT.class, TestProcedures.class, TestProcedures.Often.class);
    }

    @Inject
    Daemon daemon;

    @Inject
    Runs runs;

    @Inject
    RunProbe probe;

    @Test
    void nothingRuns() {
        assertFalse(daemon.isActive());
        assertTrue(daemon.nextWakeUp().isEmpty(), "no wake-up is planned");
        assertEquals("This site does not use linod.\n", daemon.listing());
        daemon.wake();
        assertTrue(runs.running().isEmpty());
        assertEquals(0, probe.count("it_often"));
    }
}
