package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import lino.linod.it.api.Json;

/** A metrics page read by the Prometheus project's own parser ({@code python3-prometheus-client}). */
public final class Prometheus {

    private Prometheus() {
    }

    /** The page parsed into metric families: name, type, samples (name, labels, value). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parse(String page) {
        try {
            Process python = new ProcessBuilder("/usr/bin/python3", "-c", script()).start();
            python.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(python.waitFor(60, TimeUnit.SECONDS), "the parser ended");
            assertEquals(0, python.exitValue(), "prometheus_client could not parse the page: " + err + "\n"
                    + (page.length() > 2000 ? page.substring(0, 2000) + "…" : page));
            List<Map<String, Object>> families = new ArrayList<>();
            for (Object family : (List<Object>) Json.parse(out)) {
                families.add((Map<String, Object>) family);
            }
            return families;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String script() throws IOException {
        try (InputStream in = Prometheus.class.getResourceAsStream("/lino/linod/it/prometheus-to-json.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static Map<String, Object> family(List<Map<String, Object>> families, String name) {
        return families.stream().filter(f -> name.equals(f.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no metric family " + name + " in "
                        + families.stream().map(f -> f.get("name")).collect(Collectors.toList())));
    }

    /** The value of the family's sample whose labels include {@code labels} (counters: the _total sample). */
    public static double value(List<Map<String, Object>> families, String name, Map<String, String> labels) {
        Map<String, Object> family = families.stream().filter(f -> name.equals(f.get("name"))).findFirst()
                .orElse(null);
        if (family == null) {
            return 0;
        }
        String sampleName = "counter".equals(family.get("type")) ? name + "_total" : name;
        return sample(family, sampleName, labels);
    }

    @SuppressWarnings("unchecked")
    public static double sample(Map<String, Object> family, String sampleName, Map<String, String> labels) {
        for (Object each : (List<Object>) family.get("samples")) {
            Map<String, Object> s = (Map<String, Object>) each;
            Map<String, Object> have = (Map<String, Object>) s.get("labels");
            if (sampleName.equals(s.get("name")) && have.entrySet().containsAll(labels.entrySet())) {
                return ((BigDecimal) s.get("value")).doubleValue();
            }
        }
        return 0;
    }
}
