package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Two procedures with one name fail the deployment with a message naming both beans. Black-box: a real Payara
 * Micro is started on the archive and its output is read until the deployment fails or the server is ready.
 */
class DuplicateProcedureNamesIT {

    @Test
    void failTheDeployment() throws Exception {
        File itDir = new File(System.getProperty("linod.itDir", "target"));
        WebArchive war = Deployments.linodWithoutDemo("linod-duplicates-it", "")
                .addClasses(DuplicateProcedures.class, DuplicateProcedures.First.class,
                        DuplicateProcedures.Second.class);
        File file = new File(itDir, "linod-duplicates-it.war");
        war.as(ZipExporter.class).exportTo(file, true);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process micro = new ProcessBuilder(java.toString(), "-Dderby.system.home=" + new File(itDir, "derby-dup"),
                "-Djava.io.tmpdir=" + itDir, "-jar", System.getProperty("payara.microJar"), "--nohazelcast",
                "--port", String.valueOf(port), "--deploy", file.getPath())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        boolean failed = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(micro.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                output.add(line);
                if (line.contains("Two procedures named 'it_twice'")) {
                    failed = line.contains(DuplicateProcedures.First.class.getName())
                            && line.contains(DuplicateProcedures.Second.class.getName());
                    break;
                }
                if (line.contains("Payara Micro") && line.contains("ready")) {
                    break;
                }
            }
        } finally {
            micro.destroy();
            if (!micro.waitFor(30, TimeUnit.SECONDS)) {
                micro.destroyForcibly();
            }
        }
        assertTrue(failed, "expected the deployment to fail naming both beans; output:\n"
                + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
    }
}
