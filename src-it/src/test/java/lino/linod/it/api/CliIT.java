package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.Test;

/** {@code dist/linod}, the command-line client, run as an operator runs it, against the running linod. */
class CliIT {

    private final LinodApi staff = LinodApi.staff();

    private record Result(int exit, String out, String err) {
    }

    /** Runs the script with the admin's password in {@code LINOD_PASSWORD} (a wrong one would slow the admin down). */
    private static Result linodAs(String password, String... arguments) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("linod.cli", "../dist/linod"));
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        String base = RunningLinod.base().toString();
        builder.environment().put("LINOD_URL", base.substring(0, base.length() - 1));
        builder.environment().put("LINOD_USER", RunningLinod.ADMIN);
        builder.environment().put("LINOD_PASSWORD", password);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("linod " + String.join(" ", arguments) + " did not finish");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Result linod(String... arguments) throws IOException, InterruptedException {
        return linodAs(RunningLinod.ADMIN_PASSWORD, arguments);
    }

    @Test
    void listsLikeLinosLinodList() throws Exception {
        Result list = linod("--list");
        assertEquals(0, list.exit(), list.toString());
        String served = staff.get("status", "text/plain").expect(200).body();
        String[] lines = list.out().split("\n");
        assertEquals(served.split("\n")[0], lines[0], "the count line: " + list);
        assertTrue(lines[0].matches("\\d+ scheduled jobs:"), list.toString());
        assertEquals(served.split("\n").length, lines.length, list.toString());
        assertTrue(list.out().endsWith("\n"), "the listing ends its last line");
    }

    @Test
    void theEverydayActions() throws Exception {
        Map<String, Object> created = staff.createQuietTask("checkdata", LinodApi.uniqueName("it-api-cli"));
        long id = id(created);
        // A task is named by its No., as --list and the log show it.
        String no = String.valueOf(created.get("seqno"));
        Result disable = linod("disable", no);
        assertEquals(0, disable.exit(), disable.toString());
        assertEquals("Disabled", disable.out().trim());
        assertEquals(Boolean.TRUE, staff.task(id).get("disabled"));
        Result enable = linod("enable", no);
        assertEquals(0, enable.exit(), enable.toString());
        assertEquals(Boolean.FALSE, staff.task(id).get("disabled"));

        Result runNow = linod("run-now", no);
        assertEquals(0, runNow.exit(), runNow.toString());
        assertTrue(runNow.out().contains("requested to run this task"), runNow.toString());
        Result cancel = linod("cancel-request", no);
        assertEquals(0, cancel.exit(), cancel.toString());
        assertTrue(!cancel.out().isBlank(), cancel.toString());

        Result shown = linod("show", "id=" + id);
        assertEquals(0, shown.exit(), shown.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) Json.parse(shown.out());
        assertEquals(new java.math.BigDecimal(id), task.get("id"));
    }

    @Test
    void mistakesAreTold() throws Exception {
        Result unknown = linod("run-now", "id=987654321");
        assertEquals(1, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("HTTP 404"), unknown.toString());
        Result noSuchNo = linod("run-now", "987654");
        assertEquals(1, noSuchNo.exit(), noSuchNo.toString());
        assertTrue(noSuchNo.err().contains("no task has No. 987654"), noSuchNo.toString());
        Result usage = linod("explode");
        assertEquals(2, usage.exit(), usage.toString());
        assertTrue(usage.err().contains("--list"), usage.toString());
        Result noId = linod("run-now", "abc");
        assertEquals(2, noId.exit(), noId.toString());
    }
}
