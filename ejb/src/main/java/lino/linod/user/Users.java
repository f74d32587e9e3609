package lino.linod.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import lino.linod.recurrence.Violation;
import lino.linod.task.InvalidInputException;

/** The store of users. */
@Stateless
public class Users {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,100}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 200;

    @PersistenceContext(unitName = "linod")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hash;

    public List<User> all() {
        return em.createNamedQuery(User.ALL, User.class).getResultList();
    }

    public long count() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    }

    public Optional<User> find(String name) {
        return Optional.ofNullable(em.find(User.class, name));
    }

    /** Creates or replaces a user; returns true when the user is new. */
    public boolean save(String name, String password, List<String> roles) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            violations.add(new Violation("name", "1 to 100 letters, digits or _ . @ -"));
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            violations.add(new Violation("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters"));
        }
        Set<String> valid = new TreeSet<>();
        if (roles == null || roles.isEmpty()) {
            violations.add(new Violation("roles", "give at least one of staff, viewer"));
        } else {
            for (String role : roles) {
                Role.of(role).ifPresentOrElse(r -> valid.add(r.roleName()),
                        () -> violations.add(new Violation("roles", "unknown role '" + role + "'")));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String hashed = hash.generate(password.toCharArray());
        User existing = em.find(User.class, name);
        if (existing != null) {
            existing.replace(hashed, valid);
            return false;
        }
        em.persist(new User(name, hashed, valid));
        return true;
    }

    public boolean delete(String name) {
        User user = name == null ? null : em.find(User.class, name);
        if (user == null) {
            return false;
        }
        em.remove(user);
        return true;
    }
}
