package lino.linod.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicInteger;
import lino.linod.ops.Metrics;

/** Counts the open HTTP sessions for the metric {@code linod_http_sessions}: only a page sign-in should make one. */
@WebListener
public class Sessions implements HttpSessionListener, ServletContextListener {

    private static final AtomicInteger OPEN = new AtomicInteger();

    @Inject
    Metrics metrics;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        metrics.countSessionsWith(OPEN::get);
        // As web.xml says, for servers that read the cookie's attributes only from here.
        try {
            if (event.getServletContext().getSessionCookieConfig().getAttribute("SameSite") == null) {
                event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
            }
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // Too late on this server: glassfish-web.xml or web.xml had their say.
        }
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        OPEN.incrementAndGet();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        OPEN.decrementAndGet();
    }
}
