package lino.linod.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Payara Server from its distribution (unpacked into target/ by the build), in a domain of its own on free ports,
 * with the EAR deployed through asadmin — as an operator would do it.
 */
final class PayaraServer implements LinodServer {

    private final Path home;
    private final Path domains;
    private final int portBase;
    /** One new domain per start: its own ports, its own Derby database. */
    private final String domain;

    private PayaraServer(Path home, Path domains, int portBase) {
        this.home = home;
        this.domains = domains;
        this.portBase = portBase;
        this.domain = "linod-it-" + portBase;
    }

    /** @param libraries JDBC drivers, put into the domain's {@code lib/} folder (the server's common class path) */
    static PayaraServer start(File ear, Map<String, String> environment, List<Path> libraries)
            throws IOException, InterruptedException {
        return start(Path.of(System.getProperty("linod.payaraHome", "target/payara6")), "payara-domains", false,
                ear, environment, libraries);
    }

    /** GlassFish 7, Payara Server's origin: the same commands, the same layout. */
    static PayaraServer glassfish(File ear, Map<String, String> environment, List<Path> libraries)
            throws IOException, InterruptedException {
        return start(Path.of(System.getProperty("linod.glassfishHome", "target/glassfish7")), "glassfish-domains",
                true, ear, environment, libraries);
    }

    private static PayaraServer start(Path home, String domainsDir, boolean glassfish, File ear,
            Map<String, String> environment, List<Path> libraries) throws IOException, InterruptedException {
        Path domains = Path.of(System.getProperty("linod.itDir", "target"), domainsDir);
        PayaraServer server = new PayaraServer(home, domains, freePortBase());
        server.asadmin(Map.of(), "create-domain", "--nopassword=true", "--portbase", String.valueOf(server.portBase),
                "--domaindir", domains.toString(), server.domain);
        for (Path library : libraries) {
            Files.copy(library, domains.resolve(server.domain).resolve("lib").resolve(library.getFileName()));
        }
        server.asadmin(environment, "start-domain", "--domaindir", domains.toString(), server.domain);
        try {
            String admin = String.valueOf(server.portBase + 48);
            // As the README tells operators: no Server banner, no X-Powered-By, on plain and TLS listeners, in one
            // set (each set restarts the listeners it touches, in the background: back to back, two restarts can
            // overlap). Payara has a setting for the Server header; GlassFish names itself there after the
            // system property product.name, which an empty JVM option blanks (it takes effect at a restart).
            List<String> set = new ArrayList<>(List.of("--port", admin, "set"));
            for (String listener : List.of("http-listener-1", "http-listener-2")) {
                for (String banner : glassfish ? List.of("xpowered-by") : List.of("server-header", "xpowered-by")) {
                    set.add("configs.config.server-config.network-config.protocols.protocol." + listener + ".http."
                            + banner + "=false");
                }
            }
            server.asadmin(Map.of(), set.toArray(String[]::new));
            if (glassfish) {
                server.asadmin(Map.of(), "--port", admin, "create-jvm-options", "-Dproduct.name=");
                server.asadmin(environment, "restart-domain", "--domaindir", domains.toString(), server.domain);
            }
            server.asadmin(Map.of(), "--port", admin, "deploy", ear.getPath());
            // Payara: the README adds a restart; the build restarts only when linod does not answer on the HTTP
            // port (a listener that a set restarted may stay closed). Ready means linod's readiness answers 200: an
            // open port alone may still answer 404 while the application starts.
            if (!server.ready(Duration.ofSeconds(90))) {
                System.err.println("linod on HTTP port " + (server.portBase + 80) + " is not ready; restarting");
                server.asadmin(environment, "restart-domain", "--domaindir", domains.toString(), server.domain);
                if (!server.ready(Duration.ofMinutes(3))) {
                    throw new IllegalStateException("linod on Payara Server is not ready after a restart:\n"
                            + server.tail());
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * A port base whose admin (+48) and HTTP (+80) ports, and the others Payara derives from it, are free; below
     * 32768, where Linux hands out the local ports of outgoing connections, so that none of those takes one of them
     * between this check and the server's start.
     */
    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(200, 326);
            if (free(base + 48) && free(base + 80) && free(base + 81) && free(base + 37) && free(base + 86)
                    && free(base + 76) && free(base + 9)) {
                return base;
            }
        }
        throw new IOException("No free port base found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void asadmin(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", home.resolve("glassfish/lib/client/appserver-cli.jar").toString()));
        command.addAll(List.of(arguments));
        File log = domains.resolveSibling("asadmin.log").toFile();
        Files.createDirectories(domains);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("asadmin " + arguments[0] + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", arguments) + " failed:\n"
                    + Files.readString(log.toPath(), StandardCharsets.UTF_8) + "\n" + tail());
        }
    }

    /** Whether linod's readiness answers 200 on the HTTP port within {@code timeout}. */
    private boolean ready(Duration timeout) {
        try {
            Poll.until("linod ready on Payara Server's HTTP port " + (portBase + 80), timeout, this::answers);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** True when linod's readiness answers 200, else null (for {@link Poll#until}). */
    private Boolean answers() {
        try {
            return Http.get(this, "health/ready", null, null).status() == 200 ? true : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public URI base() {
        return URI.create("http://localhost:" + (portBase + 80) + "/linod/");
    }

    @Override
    public String tail() {
        Path log = domains.resolve(domain).resolve("logs/server.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            asadmin(Map.of(), "stop-domain", "--domaindir", domains.toString(), domain);
        } catch (IOException e) {
            System.err.println("Could not stop Payara Server: " + e.getMessage());
        }
    }
}
