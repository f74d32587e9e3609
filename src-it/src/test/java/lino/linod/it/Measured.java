package lino.linod.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a test measured and prints (never asserts): to the test's output and, one line each, to
 * {@code target/measured.txt}. The suites of the second lane run beside others, and Surefire files printed lines
 * under whichever suite it thinks runs: that file keeps them together, each naming its test.
 */
public final class Measured {

    private Measured() {
    }

    public static synchronized void say(String line) {
        System.out.println(line);
        try {
            Files.writeString(Path.of(System.getProperty("linod.itDir", "target"), "measured.txt"),
                    line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("Could not keep the measured line: " + e);
        }
    }
}
