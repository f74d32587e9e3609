package lino.linod.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * linod's authentication mechanism: a request with an {@code Authorization: Basic} header is checked on its own
 * (the API); a page request uses the session a sign-in made; a protected request without either gets 401 with
 * a Basic challenge (API) or goes to the sign-in page.
 */
@ApplicationScoped
@DeclareRoles({"staff", "viewer"})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/linod",
        callerQuery = "SELECT PASSWORD_HASH FROM LINOD_USER WHERE NAME = ?",
        groupsQuery = "SELECT ROLE_NAME FROM LINOD_USER_ROLE WHERE USER_NAME = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class SignIn implements HttpAuthenticationMechanism {

    static final String CALLER = "lino.linod.caller";
    static final String GROUPS = "lino.linod.groups";
    static final String REALM = "Basic realm=\"linod\"";
    public static final String SIGN_IN_PAGE = "/signin.xhtml";

    @Inject
    IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential given = context.getAuthParameters().getCredential();
        if (given != null) {
            return signIn(request, context, identities.validate(given));
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            CredentialValidationResult result = basic(header.substring(6).trim());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return challenge(response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) != null) {
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) session.getAttribute(GROUPS);
            return context.notifyContainerAboutLogin((String) session.getAttribute(CALLER), groups);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.equals("/metrics")) {
            return challenge(response, context);
        }
        return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
    }

    /** A sign-in from the sign-in page: remembered in the session, which gets a new id against fixation. */
    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
            CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // No error page: the sign-in page shows its own message.
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(CALLER, result.getCallerPrincipal().getName());
        session.setAttribute(GROUPS, Set.copyOf(result.getCallerGroups()));
        return context.notifyContainerAboutLogin(result);
    }

    private CredentialValidationResult basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return identities.validate(new UsernamePasswordCredential(decoded.substring(0, colon),
                decoded.substring(colon + 1)));
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", REALM);
        return context.responseUnauthorized();
    }
}
