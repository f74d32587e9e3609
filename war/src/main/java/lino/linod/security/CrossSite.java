package lino.linod.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Changes through the API only from its own clients: a POST, PUT, PATCH or DELETE is refused unread when it has
 * a content type that a form on another site can send without asking (form-encoded, multipart, plain text: 415),
 * or when the browser says that another site started it ({@code Sec-Fetch-Site: cross-site}, or an
 * {@code Origin} other than the API's own: 403). API clients send JSON or no body, and no such headers.
 */
public class CrossSite extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            String type = request.getContentType();
            String bare = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (FORM_TYPES.contains(bare)) {
                refuse(response, 415, "Unsupported Media Type",
                        "Send JSON (application/json) or no body; " + bare + " is what forms of other sites send.");
                return;
            }
            if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))
                    || !sameOrigin(request, request.getHeader("Origin"))) {
                refuse(response, 403, "Forbidden", "The request came from another site.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(HttpServletRequest request, String origin) {
        if (origin == null) {
            return true;
        }
        try {
            URI given = URI.create(origin.trim());
            // Host and port only: behind a proxy that ends TLS, the scheme seen here is not the browser's.
            String host = request.getHeader("Host");
            return given.getRawAuthority() != null && host != null
                    && given.getRawAuthority().equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
