package lino.linod.user;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.security.SecureRandom;
import java.util.List;
import java.util.logging.Logger;

/**
 * Makes sure somebody can sign in: on a database without users, creates {@code admin} (staff) with the password
 * from {@code LINOD_ADMIN_PASSWORD} (or the system property {@code linod.admin_password}), else a generated one
 * printed once in the server log.
 */
@Singleton
@Startup
@DependsOn("Database")
public class FirstUser {

    private static final Logger LOG = Logger.getLogger("lino.linod");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @EJB
    Users users;

    @PostConstruct
    void createIfNone() {
        if (users.count() > 0) {
            return;
        }
        String given = System.getProperty("linod.admin_password", System.getenv("LINOD_ADMIN_PASSWORD"));
        String password = given == null || given.isBlank() ? generated() : given;
        users.save("admin", password, List.of(Role.STAFF.roleName()));
        if (given == null || given.isBlank()) {
            LOG.warning("Created user admin (staff) with the generated password " + password
                    + " ; it is shown only this once.");
        } else {
            LOG.info("Created user admin (staff) with the password from LINOD_ADMIN_PASSWORD.");
        }
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
