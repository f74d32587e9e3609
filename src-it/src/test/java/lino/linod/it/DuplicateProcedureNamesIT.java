package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.Optional;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Two procedures with one name fail the deployment with a message naming both beans; a procedure that suggests
 * an impossible recurrence fails it too, named in the same message (its text is parsed once, at discovery). Black-box: a real Payara
 * Micro is started on the archive and its output is read until the deployment fails or the server is ready.
 */
class DuplicateProcedureNamesIT {

    @Test
    void failTheDeployment() throws Exception {
        WebArchive war = Deployments.linodWithoutDemo("linod-duplicates-it", "")
                .addClasses(DuplicateProcedures.class, DuplicateProcedures.First.class,
                        DuplicateProcedures.Second.class, DuplicateProcedures.Impossible.class);
        File file = new File(System.getProperty("linod.itDir", "target"), "linod-duplicates-it.war");
        war.as(ZipExporter.class).exportTo(file, true);
        try (ServerProcess micro = ServerProcess.micro(file, "derby-duplicates")) {
            Optional<String> failure = micro.awaitLine(l -> l.contains("Two procedures named 'it_twice'"),
                    ServerProcess::isMicroReady, Duration.ofMinutes(3));
            assertTrue(failure.isPresent(), "expected the deployment to fail; output:\n" + micro.tail());
            assertTrue(failure.get().contains(DuplicateProcedures.First.class.getName())
                    && failure.get().contains(DuplicateProcedures.Second.class.getName()), failure.get());
            assertTrue(failure.get().contains(DuplicateProcedures.Impossible.class.getName() + " ('it_impossible')"
                    + " suggests the recurrence 'every=0, every_unit=fortnightly', which is invalid"), failure.get());
        }
    }
}
