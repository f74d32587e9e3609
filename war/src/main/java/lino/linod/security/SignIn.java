package lino.linod.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import lino.linod.site.Settings;
import lino.linod.user.Caller;
import lino.linod.user.Users;

/**
 * linod's authentication mechanism. The API ({@code /api/*}, {@code /metrics}) takes HTTP Basic only, checked on
 * every request, and never the pages' session cookie, so that another site cannot make a signed-in browser call
 * it. The pages take only the session that a sign-in on the sign-in page made; on each request the session's
 * user is read again from the database, so that deleting a user, changing their roles or their password ends
 * their sessions at once. Every sign-in (the page's and Basic) is throttled ({@link Throttle}) and each failure
 * logged at WARNING with the user name and the client address. Requests for what is open (the sign-in page,
 * style sheets and scripts, health) are left alone: they make no session.
 */
@ApplicationScoped
@DeclareRoles({"staff", "viewer"})
public class SignIn implements HttpAuthenticationMechanism {

    static final String CALLER = "lino.linod.caller";
    static final String CREDENTIALS = "lino.linod.credentials";
    /** Request attribute set when a page sign-in was refused unchecked: the seconds to wait. */
    public static final String THROTTLED = "lino.linod.throttled";
    static final String REALM = "Basic realm=\"linod\"";
    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    private static final Logger LOG = Logger.getLogger("lino.linod.security");

    @Inject
    Users users;

    @Inject
    Throttle throttle;

    @Inject
    Settings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential given = context.getAuthParameters().getCredential();
        if (given instanceof UsernamePasswordCredential credential) {
            return pageSignIn(request, context, credential);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return basic(request, response, context, header.substring(6).trim());
            }
            return challenge(response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof String name) {
            Optional<Caller> now = users.caller(name)
                    .filter(c -> c.credentials().equals(session.getAttribute(CREDENTIALS)));
            if (now.isPresent()) {
                return context.notifyContainerAboutLogin(name, now.get().roles());
            }
            LOG.info(() -> "Ended a session of user " + quoted(name)
                    + ": the user was deleted or their password changed.");
            session.invalidate();
        }
        SafeHeaders.apply(request, response);
        return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
    }

    /**
     * The client's address: the connection's, or, when that is one of the trusted proxies, the last address in
     * {@code X-Forwarded-For} that is not a trusted proxy.
     */
    String clientAddress(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        Set<String> trusted = settings.trustedProxies();
        String canonical = Settings.canonicalAddress(remote);
        if (trusted.isEmpty() || canonical == null || !trusted.contains(canonical)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = Settings.canonicalAddress(hops.get(i));
            if (hop == null) {
                return remote;
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/metrics");
    }

    /** A sign-in from the sign-in page: remembered in a new session (a new id, against fixation). */
    private AuthenticationStatus pageSignIn(HttpServletRequest request, HttpMessageContext context,
            UsernamePasswordCredential credential) {
        String name = credential.getCaller();
        Duration wait = throttle.waitFor(name, clientAddress(request));
        if (!wait.isZero()) {
            refused(name, request, "the sign-in page", wait);
            request.setAttribute(THROTTLED, seconds(wait));
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<Caller> caller = check(request, "the sign-in page", name, credential.getPasswordAsString());
        if (caller.isEmpty()) {
            // No error page: the sign-in page shows its own message.
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(CALLER, caller.get().name());
        session.setAttribute(CREDENTIALS, caller.get().credentials());
        return context.notifyContainerAboutLogin(caller.get().name(), caller.get().roles());
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return challenge(response, context);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return challenge(response, context);
        }
        String name = decoded.substring(0, colon);
        Duration wait = throttle.waitFor(name, clientAddress(request));
        if (!wait.isZero()) {
            refused(name, request, "HTTP Basic", wait);
            return tooManyRequests(request, response, wait);
        }
        Optional<Caller> caller = check(request, "HTTP Basic", name, decoded.substring(colon + 1));
        if (caller.isEmpty()) {
            return challenge(response, context);
        }
        return context.notifyContainerAboutLogin(caller.get().name(), caller.get().roles());
    }

    private Optional<Caller> check(HttpServletRequest request, String way, String name, String password) {
        String address = clientAddress(request);
        Optional<Caller> caller = users.signIn(name, password);
        if (caller.isPresent()) {
            throttle.succeeded(name, address);
        } else {
            Throttle.Failures[] counts = throttle.failed(name, address);
            LOG.warning(() -> "Sign-in failed over " + way + ": user " + quoted(name) + " from " + address + " ("
                    + counts[0].count() + " failures of that name, " + counts[1].count()
                    + " from that address in the last " + Throttle.FORGET.toMinutes() + " minutes)");
        }
        return caller;
    }

    private void refused(String name, HttpServletRequest request, String way, Duration wait) {
        if (!throttle.firstRefusal(name, clientAddress(request))) {
            return;
        }
        LOG.warning(() -> "Sign-in refused unchecked over " + way + ": user " + quoted(name) + " from "
                + clientAddress(request) + " must wait " + seconds(wait)
                + " s after repeated failures (told once per failure)");
    }

    /** 429 with a problem body, committed here: the container must not turn it into a 401. */
    private static AuthenticationStatus tooManyRequests(HttpServletRequest request, HttpServletResponse response,
            Duration wait) {
        SafeHeaders.apply(request, response);
        long seconds = seconds(wait);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                    + "\"detail\":\"Too many failed sign-ins for this user or from this address: try again in "
                    + seconds + " seconds.\"}");
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** A user name as given, fit for a log line: quoted, control characters escaped, at most 100 characters. */
    static String quoted(String name) {
        StringBuilder out = new StringBuilder("\"");
        String cut = name.length() > 100 ? name.substring(0, 100) + "…" : name;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isISOControl(c) || c == '"' || c == '\\' || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", REALM);
        return context.responseUnauthorized();
    }
}
