package lino.linod.user;

import java.util.Locale;
import java.util.Optional;

/** What a user may do. Names are the role names of the web module's security constraints. */
public enum Role {
    /** Everything (Lino's SiteStaff). */
    STAFF,
    /** Sees everything, changes nothing. */
    VIEWER;

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String name) {
        for (Role r : values()) {
            if (r.roleName().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
