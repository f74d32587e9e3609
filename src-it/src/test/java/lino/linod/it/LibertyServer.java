package lino.linod.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open Liberty from its distribution (unpacked into target/ by the build), with a server made as the README tells
 * an operator: linod's {@code dist/liberty/server.xml} unchanged, the EAR in {@code apps/}, Derby's jars in
 * {@code usr/shared/resources/derby/}, the admin password in {@code server.env}, the ports in
 * {@code bootstrap.properties}; run in the foreground with {@code bin/server run}.
 */
final class LibertyServer {

    private LibertyServer() {
    }

    /** @param derbyJars Derby's jars, as an operator would take them from Maven Central */
    static ServerProcess start(File ear, Map<String, String> environment, List<Path> derbyJars)
            throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("linod.libertyHome", "target/wlp"));
        int http = ServerProcess.freePort();
        int https = ServerProcess.freePort();
        String name = "linod-it-" + http;
        Path server = home.resolve("usr/servers").resolve(name);
        Files.createDirectories(server.resolve("apps"));
        Files.copy(Path.of(System.getProperty("linod.libertyServerXml", "../dist/liberty/server.xml")),
                server.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ear.toPath(), server.resolve("apps/linod.ear"), StandardCopyOption.REPLACE_EXISTING);
        Path derby = home.resolve("usr/shared/resources/derby");
        Files.createDirectories(derby);
        for (Path jar : derbyJars) {
            Files.copy(jar, derby.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> env = new ArrayList<>();
        environment.forEach((k, v) -> env.add(k + "=" + v));
        Files.write(server.resolve("server.env"), env, StandardCharsets.UTF_8);
        Files.write(server.resolve("bootstrap.properties"), List.of("linod.http.port=" + http,
                "linod.https.port=" + https), StandardCharsets.UTF_8);

        Map<String, String> processEnvironment = new HashMap<>();
        processEnvironment.put("JAVA_HOME", System.getProperty("java.home"));
        ServerProcess process = ServerProcess.command(List.of("sh", home.resolve("bin/server").toString(), "run",
                name), home.toFile(), processEnvironment, http);
        // CWWKZ0001I: the application started; CWWKF0011I: the server is ready. CWWKZ0002E/CWWKZ0004E: it failed.
        boolean started = process.awaitLine(l -> l.contains("CWWKF0011I"), l -> l.contains("CWWKZ0002E")
                || l.contains("CWWKZ0004E") || l.contains("CWWKE0701E"), Duration.ofMinutes(4)).isPresent()
                && process.awaitLine(l -> l.contains("CWWKZ0001I") && l.contains("linod"), l -> false,
                        Duration.ofMinutes(2)).isPresent();
        if (!started) {
            process.close();
            throw new IllegalStateException("Open Liberty did not start linod:\n" + process.tail() + "\n"
                    + messages(server));
        }
        return process;
    }

    private static String messages(Path server) {
        try {
            return Files.readString(server.resolve("logs/messages.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no messages.log: " + e + ")";
        }
    }
}
