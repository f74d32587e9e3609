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
 * A server started by a black-box test as a process of its own: Payara Micro on an archive (as the README's run
 * command starts it) or WildFly. A reader thread keeps every line the server prints, so that tests can wait for a
 * line without sleeping.
 */
final class ServerProcess implements LinodServer {

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private boolean ended;
    final int port;

    private ServerProcess(List<String> command, File directory, Map<String, String> environment, int port)
            throws IOException {
        this.port = port;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory);
        }
        builder.environment().putAll(environment);
        process = builder.start();
        Thread reader = new Thread(this::read, "server-output-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    static ServerProcess micro(File war, String derbyHome) throws IOException {
        return micro(war, derbyHome, Map.of(), List.of());
    }

    /** Payara Micro on a WAR, with extra libraries (JDBC drivers) on its class path. */
    static ServerProcess micro(File war, String derbyHome, Map<String, String> environment, List<Path> libraries)
            throws IOException {
        return micro(war, derbyHome, environment, libraries, false);
    }

    /**
     * Payara Micro on a WAR. Test nodes live for a minute or two: the client compiler alone and the serial
     * collector start them about a fifth sooner on 2 cores (measured: 40 → 31 s) and leave the cores to the other
     * processes. A node that {@code serves} a whole suite (thousands of requests, sign-ins that hash passwords
     * 600,000 times) keeps the JVM's defaults: with the client compiler only, ThrottleIT (wrong passwords) took
     * 59 s instead of 11.
     */
    static ServerProcess micro(File war, String derbyHome, Map<String, String> environment, List<Path> libraries,
            boolean serves) throws IOException {
        File itDir = itDir();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        if (!serves) {
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        command.addAll(List.of("-Dderby.system.home=" + new File(itDir, derbyHome),
                "-Djava.io.tmpdir=" + itDir, "-jar", System.getProperty("payara.microJar"), "--nohazelcast",
                "--port", String.valueOf(port), "--contextroot", "linod"));
        for (Path library : libraries) {
            command.addAll(List.of("--addlibs", library.toString()));
        }
        // The operator's settings (dist/preboot.asadmin, as linod.sh and the run profile pass them): no Server
        // banner, and a refused oversized body closes the connection.
        command.addAll(List.of("--prebootcommandfile", new File(System.getProperty("linod.microPreboot",
                "../dist/preboot.asadmin")).getAbsolutePath()));
        command.addAll(List.of("--deploy", war.getPath()));
        return new ServerProcess(command, null, environment, port);
    }

    /** Any server started by {@code command} in {@code directory}, its HTTP on {@code port}. */
    static ServerProcess command(List<String> command, File directory, Map<String, String> environment, int port)
            throws IOException {
        return new ServerProcess(command, directory, environment, port);
    }

    /** WildFly (standalone-full) from {@code home}, its ports shifted by {@code offset}. */
    static ServerProcess wildfly(Path home, int offset, String derbyHome, Map<String, String> environment)
            throws IOException {
        Map<String, String> env = new java.util.HashMap<>(environment);
        // standalone.sh then passes a TERM on to the server's JVM, so that closing this process stops WildFly.
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        List<String> command = List.of("sh", home.resolve("bin/standalone.sh").toString(), "-c",
                "standalone-full.xml", "-Djboss.socket.binding.port-offset=" + offset,
                "-Dderby.system.home=" + new File(itDir(), derbyHome));
        return new ServerProcess(command, home.toFile(), env, 8080 + offset);
    }

    static File itDir() {
        return new File(System.getProperty("linod.itDir", "target"));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void read() {
        // Every line also into target/server-PORT.log, to read after a failure.
        File log = new File(itDir(), "server-" + port + ".log");
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                java.io.Writer file = new java.io.OutputStreamWriter(new java.io.FileOutputStream(log, true),
                        StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
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
     * when a line matching {@code giveUp} came first, the server ended, or the deadline passed.
     */
    Optional<String> awaitLine(Predicate<String> wanted, Predicate<String> giveUp, Duration timeout)
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
                    if (giveUp.test(line)) {
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

    Optional<String> awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        return awaitLine(wanted, line -> false, timeout);
    }

    /**
     * Waits until Payara Micro says it is ready; otherwise stops it and fails with its last lines. Returns this
     * server, for chaining after {@link #micro}.
     */
    ServerProcess awaitReady() throws InterruptedException {
        if (awaitLine(ServerProcess::isMicroReady, Duration.ofMinutes(4)).isEmpty()) {
            close();
            throw new AssertionError("Payara Micro did not get ready:\n" + tail());
        }
        return this;
    }

    static boolean isMicroReady(String line) {
        return line.contains("Payara Micro") && line.contains("ready");
    }

    @Override
    public URI base() {
        return URI.create("http://localhost:" + port + "/linod/");
    }

    @Override
    public String tail() {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size()));
        }
    }

    /** Every line printed so far that matches. */
    List<String> lines(Predicate<String> wanted) {
        synchronized (output) {
            return output.stream().filter(wanted).toList();
        }
    }

    /** kill -9: the process ends at once, without any shutdown. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd or Ctrl-C would send it; returns the exit code, or -1 if it did not end in time. */
    int terminate(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() would also close the pipes, and what the server logs while it
        // stops (the lines a test looks for) would be lost.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        synchronized (output) {
            while (!ended) {
                output.wait(1000);
            }
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Every line printed since the start, for counting. */
    List<String> lines() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
