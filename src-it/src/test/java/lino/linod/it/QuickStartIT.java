package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the README's run command starts: the built Payara Micro WAR, demo procedures included, at /linod/.
 * The demo's checkdata task is due at start-up; the test waits for its log line in the server output, then asks
 * the running application over HTTP.
 */
class QuickStartIT {

    @Test
    void servesLinodAndTheDemoTasksRun() throws Exception {
        try (MicroProcess micro = new MicroProcess(Deployments.builtWar(), "derby-quickstart")) {
            Optional<String> ran = micro.awaitLine(l -> l.contains("Run 1 data checkers on demo emails"), false,
                    Duration.ofMinutes(3));
            assertTrue(ran.isPresent(), "the demo checkdata task did not run; output:\n" + micro.tail());

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + micro.port + "/linod/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("linod"), home.body());

            HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + micro.port + "/linod/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());
            assertTrue(status.body().matches("(?s)\\d+ scheduled jobs:\n.*"), status.body());
            assertTrue(status.body().contains("Every day do checkdata() (last run: 20"), status.body());
            assertTrue(status.body().contains("do send_weekly_report() (last run: [never]"), status.body());
            assertTrue(status.body().contains("do clear_too_old_job_history()"), status.body());
        }
    }
}
