package lino.linod.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A Payara Micro started by a black-box test on an archive, as the README's run command starts it. */
final class MicroProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader lines;
    private final List<String> output = new ArrayList<>();
    final int port;

    MicroProcess(File war, String derbyHome) throws IOException {
        File itDir = new File(System.getProperty("linod.itDir", "target"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(java.toString(), "-Dderby.system.home=" + new File(itDir, derbyHome),
                "-Djava.io.tmpdir=" + itDir, "-jar", System.getProperty("payara.microJar"), "--nohazelcast",
                "--port", String.valueOf(port), "--contextroot", "linod", "--deploy", war.getPath())
                .redirectErrorStream(true).start();
        lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads the server's output until a line matches, or the server says it is ready, or the deadline passes. */
    Optional<String> awaitLine(Predicate<String> wanted, boolean stopWhenReady, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
            output.add(line);
            if (wanted.test(line)) {
                return Optional.of(line);
            }
            if (stopWhenReady && line.contains("Payara Micro") && line.contains("ready")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    String tail() {
        return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
