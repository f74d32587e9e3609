package lino.linod.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lino.linod.security.SignIn;

/**
 * {@code signin.xhtml} (a stateless view: an anonymous visit keeps nothing on the server) and the sign-out button of
 * every page.
 */
@Named
@RequestScoped
public class SignInPage extends Page {

    @Inject
    SecurityContext security;

    private String name;
    private String password;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(name == null ? "" : name,
                        new Password(password == null ? "" : password)))
                .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            faces.getExternalContext().redirect(request.getContextPath() + "/tasks.xhtml");
            faces.responseComplete();
        } else if (request.getAttribute(SignIn.THROTTLED) instanceof Long seconds) {
            response.setStatus(429);
            response.setHeader("Retry-After", seconds.toString());
            error("Too many failed sign-ins for this user or from this address: try again in " + seconds
                    + " seconds.");
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
            error("Wrong user name or password.");
        }
    }

    public String signOut() throws ServletException {
        HttpServletRequest request = (HttpServletRequest) external().getRequest();
        request.logout();
        external().invalidateSession();
        return "signin?faces-redirect=true";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
