package lino.linod.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import lino.linod.it.api.Json;

/** A few HTTP calls to a linod started by a test itself (not {@link RunningLinod}), with HTTP Basic. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    record Reply(int status, String body) {
        Object json() {
            return Json.parse(body);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) json();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            Object json = json();
            return (List<Map<String, Object>>) (json instanceof Map<?, ?> m ? m.get("items") : json);
        }
    }

    /** {@code path} relative to {@code http://localhost:PORT/linod/}; user null for none. */
    static Reply call(LinodServer server, String method, String path, String user, String password, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            // PATCH takes a JSON merge patch (RFC 7396), everything else JSON.
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json"
                    : "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed:\n" + server.tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply get(LinodServer server, String path, String user, String password) {
        return call(server, "GET", path, user, password, null);
    }
}
