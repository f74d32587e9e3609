package lino.linod.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * WildFly 37 (standalone-full) from its distribution (unpacked into target/ by the build), configured offline with
 * jboss-cli, with the EAR dropped into its deployments folder — as an operator would do it.
 */
final class WildFlyServer implements LinodServer {

    private final ServerProcess process;
    private final Path deployments;
    private String deployed;

    private WildFlyServer(ServerProcess process, Path deployments, String deployed) {
        this.process = process;
        this.deployments = deployments;
        this.deployed = deployed;
    }

    /**
     * @param libraries JDBC drivers the EAR needs: added to its {@code lib/} by a deployment overlay, so that the
     *                  EAR itself stays unchanged
     */
    static WildFlyServer start(File ear, Map<String, String> environment, List<Path> libraries)
            throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("linod.wildflyHome", "target/wildfly"));
        String name = ear.getName();
        // An EAR that a test puts in place of this one later (ConsumerEarIT) gets the same libraries.
        String later = System.getProperty("linod.laterEar");
        String overlaid = later == null ? name : name + "," + new File(later).getName();
        List<String> cli = new ArrayList<>(List.of(
                "embed-server --server-config=standalone-full.xml --std-out=discard",
                // Jakarta Security's own mechanisms, not Elytron's JASPI integration, decide who is signed in.
                "/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,"
                        + "value=false)"));
        for (Path library : libraries) {
            cli.add("deployment-overlay add --name=linod-" + library.getFileName().toString().replace('.', '-')
                    + " --content=/lib/" + library.getFileName() + "=" + library.toAbsolutePath()
                    + " --deployments=" + overlaid);
        }
        cli.add("stop-embedded-server");
        Path script = ServerProcess.itDir().toPath().resolve("wildfly-setup.cli");
        Files.write(script, cli, StandardCharsets.UTF_8);
        run(home, List.of("sh", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script));
        Path deployments = home.resolve("standalone/deployments");
        try (var old = Files.list(deployments)) {
            // One linod per server: an EAR (and its markers) that an earlier run left goes.
            for (Path left : old.filter(f -> f.getFileName().toString().matches(".*\\.ear(\\..*)?")).toList()) {
                Files.delete(left);
            }
        }
        Files.copy(ear.toPath(), deployments.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        ServerProcess process = ServerProcess.wildfly(home, freeOffset(), "derby-wildfly", environment);
        boolean deployed = process.awaitLine(l -> l.contains("WFLYSRV0010") && l.contains(name),
                l -> l.contains("WFLYSRV0026") || l.contains("WFLYCTL0186") || l.contains("WFLYSRV0021"),
                Duration.ofMinutes(4)).isPresent();
        if (!deployed) {
            process.close();
            throw new IllegalStateException("WildFly did not deploy " + name + ":\n" + process.tail());
        }
        return new WildFlyServer(process, deployments, name);
    }

    /**
     * Undeploys the running EAR and deploys {@code ear} in its place (through the deployments folder, as an
     * operator would), both with the same context root: the old one is gone before the new one comes.
     */
    void replace(File ear) throws IOException, InterruptedException {
        String name = ear.getName();
        if (name.equals(deployed)) {
            return;
        }
        String old = deployed;
        Files.delete(deployments.resolve(old));
        if (process.awaitLine(l -> l.contains("WFLYSRV0009") && l.contains(old), Duration.ofMinutes(2)).isEmpty()) {
            throw new IllegalStateException("WildFly did not undeploy " + old + ":\n" + process.tail());
        }
        Files.copy(ear.toPath(), deployments.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        boolean done = process.awaitLine(l -> l.contains("WFLYSRV0010") && l.contains(name),
                l -> (l.contains("WFLYSRV0026") || l.contains("WFLYCTL0186")) && l.contains(name),
                Duration.ofMinutes(4)).isPresent();
        if (!done) {
            throw new IllegalStateException("WildFly did not deploy " + name + ":\n" + process.tail());
        }
        deployed = name;
    }

    private static void run(Path home, List<String> command) throws IOException, InterruptedException {
        File log = ServerProcess.itDir().toPath().resolve("wildfly-setup.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = builder.start();
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("jboss-cli failed:\n" + Files.readString(log.toPath(), StandardCharsets.UTF_8));
        }
    }

    /** A port offset under which HTTP (8080), management (9990) and the other default ports are free. */
    private static int freeOffset() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(100, 20000);
            if (free(8080 + offset) && free(9990 + offset) && free(8443 + offset) && free(9993 + offset)
                    && free(8009 + offset) && free(4712 + offset) && free(4713 + offset)) {
                return offset;
            }
        }
        throw new IOException("No free port offset found");
    }

    private static boolean free(int port) {
        if (port > 65535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public URI base() {
        return process.base();
    }

    @Override
    public String tail() {
        return process.tail();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
