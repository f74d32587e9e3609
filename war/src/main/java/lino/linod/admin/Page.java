package lino.linod.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import lino.linod.recurrence.Violation;

/** What every page bean needs: the user, the role check, messages and how instants are shown. */
abstract class Page {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    public String getUser() {
        return external().getUserPrincipal() == null ? "" : external().getUserPrincipal().getName();
    }

    public boolean isStaff() {
        return external().isUserInRole("staff");
    }

    /** The server-side half of "viewers change nothing": hidden buttons are not enough against forged posts. */
    boolean mayChange() {
        if (isStaff()) {
            return true;
        }
        error("You may not change anything (role viewer).");
        return false;
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Puts each violation beside its field when the page has one, else at the top. */
    static void show(Iterable<Violation> violations, Map<String, String> fieldIds) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Violation v : violations) {
            String id = fieldIds.get(v.field());
            FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, v.message(), null);
            if (id == null) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, v.field() + ": " + v.message(),
                        null));
            } else {
                faces.addMessage(id, message);
            }
        }
        faces.validationFailed();
    }

    static String show(Instant instant, ZoneId zone) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }
}
