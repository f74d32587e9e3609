package lino.linod.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Payara Micro started by a black-box test on an archive, as the README's run command starts it. A reader
 * thread keeps every line the server prints, so that tests can wait for a line without sleeping.
 */
final class MicroProcess implements LinodServer {

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private boolean ended;
    final int port;

    MicroProcess(File war, String derbyHome) throws IOException {
        this(war, derbyHome, Map.of());
    }

    MicroProcess(File war, String derbyHome, Map<String, String> environment) throws IOException {
        File itDir = new File(System.getProperty("linod.itDir", "target"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(),
                "-Dderby.system.home=" + new File(itDir, derbyHome), "-Djava.io.tmpdir=" + itDir, "-jar",
                System.getProperty("payara.microJar"), "--nohazelcast", "--port", String.valueOf(port),
                "--contextroot", "linod", "--deploy", war.getPath())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        process = builder.start();
        Thread reader = new Thread(this::read, "payara-micro-output-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // The server ended.
        } finally {
            synchronized (output) {
                ended = true;
                output.notifyAll();
            }
        }
    }

    /**
     * Waits until the server has printed a matching line (at any time since it started) and returns it; empty
     * when the server said it is ready (if {@code stopWhenReady}) or ended first, or the deadline passed.
     */
    Optional<String> awaitLine(Predicate<String> wanted, boolean stopWhenReady, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (output) {
            while (true) {
                for (; seen < output.size(); seen++) {
                    String line = output.get(seen);
                    if (wanted.test(line)) {
                        return Optional.of(line);
                    }
                    if (stopWhenReady && isReady(line)) {
                        return Optional.empty();
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    return Optional.empty();
                }
                output.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public URI base() {
        return URI.create("http://localhost:" + port + "/linod/");
    }

    static boolean isReady(String line) {
        return line.contains("Payara Micro") && line.contains("ready");
    }

    @Override
    public String tail() {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
