package lino.linod.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every page and API response: a Content-Security-Policy, no MIME sniffing, no referrer, no framing by
 * other sites, nothing of a signed-in user kept in caches, HSTS when served over HTTPS, and no server banner.
 *
 * <p>The pages' policy allows scripts, styles and images from linod only and nothing inline: the pages keep their
 * one script in {@code resources/linod/linod.js} and their looks in {@code linod.css}, and use no Faces tag that
 * renders an inline handler ({@code f:ajax}, {@code h:commandLink}). The API, health and metrics serve data, never
 * a document, so their policy allows nothing at all.
 */
public class SafeHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /** The headers, also for the answers that sign-in gives before any filter runs (redirect, 401, 429). */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", servesData(request, path) ? DATA_POLICY : PAGE_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (request.getUserPrincipal() != null && !path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        hideBanner(response);
    }

    /**
     * Payara names itself in {@code Server} (and, if enabled, {@code X-Powered-By}) before linod sees the request;
     * the Servlet API cannot remove a header, so linod blanks them. The server setting ({@code server-header=false},
     * {@code xpowered-by=false}) drops them altogether, also on responses outside linod.
     */
    private static void hideBanner(HttpServletResponse response) {
        for (String banner : new String[] {"Server", "X-Powered-By"}) {
            if (response.containsHeader(banner)) {
                response.setHeader(banner, "");
            }
        }
    }

    /** The API, health and metrics; an error page takes the kind of the request that failed. */
    private static boolean servesData(HttpServletRequest request, String path) {
        if (request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                && failed.startsWith(request.getContextPath())) {
            path = failed.substring(request.getContextPath().length());
        }
        return path.startsWith("/api/") || path.startsWith("/health") || path.equals("/metrics");
    }
}
