package lino.linod.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's own errors (401, 403, 404, 405 before JAX-RS is reached) as problem details for the API,
 * and as a short plain page elsewhere, instead of the server's HTML error report.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String title = Problem.title(status);
        response.setStatus(status);
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            String detail = switch (status) {
                case 401 -> "Sign in with HTTP Basic authentication.";
                case 403 -> "Your role does not allow this.";
                default -> title + ".";
            };
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}");
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>" + status + " " + title
                    + "</title></head><body><h1>" + status + " " + title + "</h1><p><a href=\""
                    + request.getContextPath() + "/\">linod</a></p></body></html>");
        }
    }
}
