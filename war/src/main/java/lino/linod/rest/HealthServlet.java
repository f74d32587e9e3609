package lino.linod.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import lino.linod.ops.Health;

/**
 * Health for probes and load balancers, open to anybody (it shows no task or user): {@code /health/ready},
 * {@code /health/live}, and {@code /health} for both. 200 when every check is up, 503 otherwise; the body is
 * MicroProfile Health's JSON: {@code {"status":"UP","checks":[{"name":…,"status":…,"data":{…}}]}}.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Health health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo() == null ? "" : request.getPathInfo();
        List<Health.Check> checks = switch (which) {
            case "/ready" -> health.readiness();
            case "/live" -> health.liveness();
            case "", "/" -> {
                List<Health.Check> both = new java.util.ArrayList<>(health.readiness());
                both.addAll(health.liveness());
                yield both;
            }
            default -> null;
        };
        if (checks == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean up = checks.stream().allMatch(Health.Check::up);
        JsonArrayBuilder list = JsonP.JSON.createArrayBuilder();
        for (Health.Check check : checks) {
            JsonObjectBuilder data = JsonP.JSON.createObjectBuilder();
            for (Map.Entry<String, Object> e : check.data().entrySet()) {
                Object v = e.getValue();
                if (v instanceof Boolean b) {
                    data.add(e.getKey(), b);
                } else if (v instanceof Number n) {
                    data.add(e.getKey(), n.longValue());
                } else {
                    data.add(e.getKey(), String.valueOf(v));
                }
            }
            list.add(JsonP.JSON.createObjectBuilder().add("name", check.name()).add("status", status(check.up()))
                    .add("data", data));
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JsonP.JSON.createObjectBuilder().add("status", status(up)).add("checks", list)
                .build().toString());
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
