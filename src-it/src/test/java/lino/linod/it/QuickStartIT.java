package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the README's run command starts: the built Payara Micro WAR, demo procedures included, at /linod/
 * (which leads a visitor to the sign-in page).
 * The demo's checkdata task is due at start-up; the test waits for its log line in the server output, then asks
 * the running application over HTTP.
 */
class QuickStartIT {

    @Test
    void servesLinodAndTheDemoTasksRun() throws Exception {
        Optional<String> ran = RunningLinod.awaitOutput(l -> l.contains("Run 1 data checkers on demo emails"),
                Duration.ofMinutes(2));
        assertTrue(ran.isPresent(), "the demo checkdata task did not run; output:\n" + RunningLinod.output());

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(RunningLinod.base()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Sign in") && home.body().contains("linod"), home.body());
    }
}
