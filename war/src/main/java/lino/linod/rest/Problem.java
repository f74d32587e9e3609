package lino.linod.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import lino.linod.recurrence.Violation;

/** RFC 9457 problem details: every error linod's API answers has this body. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    static Response response(int status, String title, String detail, List<Violation> errors) {
        return Response.status(status).type(MEDIA_TYPE).entity(json(status, title, detail, errors)).build();
    }

    /** The body alone, for answers given before JAX-RS is reached (a servlet filter). */
    public static String json(int status, String title, String detail) {
        return json(status, title, detail, null);
    }

    private static String json(int status, String title, String detail, List<Violation> errors) {
        JsonObjectBuilder body = JsonP.JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            JsonArrayBuilder list = JsonP.JSON.createArrayBuilder();
            errors.forEach(v -> list.add(JsonP.JSON.createObjectBuilder().add("field", v.field()).add("message",
                    v.message())));
            body.add("errors", list);
        }
        return body.build().toString();
    }

    static Response response(int status, String title, String detail) {
        return response(status, title, detail, null);
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
