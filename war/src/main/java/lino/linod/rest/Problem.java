package lino.linod.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import lino.linod.recurrence.Violation;

/** RFC 9457 problem details: every error linod's API answers has this body. */
final class Problem {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    static Response response(int status, String title, String detail, List<Violation> errors) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(v -> list.add(Json.createObjectBuilder().add("field", v.field()).add("message",
                    v.message())));
            body.add("errors", list);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }

    static Response response(int status, String title, String detail) {
        return response(status, title, detail, null);
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
