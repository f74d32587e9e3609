package lino.linod.rest;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON provider, found once. {@code Json.createObjectBuilder()} and its siblings look the provider up with
 * a {@code ServiceLoader} at every call, which scanned the class path on each request and took a third of the time
 * of a small API call.
 */
final class JsonP {

    static final JsonProvider JSON = JsonProvider.provider();

    private JsonP() {
    }
}
