package lino.linod.user;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import lino.linod.recurrence.Violation;
import lino.linod.task.InvalidInputException;

/**
 * The store of users, and the check of a sign-in: user names match exactly (the database's comparison would ignore
 * trailing blanks), a password is checked against its PBKDF2 hash ({@link Passwords}), and a hash made with older
 * parameters is replaced at the next successful sign-in.
 */
@Stateless
public class Users {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,100}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 200;

    @PersistenceContext(unitName = "linod")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Resource
    SessionContext context;

    public List<User> all() {
        return em.createNamedQuery(User.ALL, User.class).getResultList();
    }

    public long count() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    }

    public Optional<User> find(String name) {
        return Optional.ofNullable(em.find(User.class, name));
    }

    /**
     * The user {@code name} when {@code password} is theirs. Runs outside a transaction: the check takes a tenth of
     * a second or more and holds no connection meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Caller> signIn(String name, String password) {
        char[] given = password == null ? new char[0] : password.toCharArray();
        User user = name == null || !NAME.matcher(name).matches() ? null : em.find(User.class, name);
        if (user == null || !user.getName().equals(name) || password == null || password.length() > MAX_PASSWORD) {
            passwords.verifyNobody(given);
            return Optional.empty();
        }
        String stored = user.passwordHash();
        if (!passwords.verify(name, stored, given)) {
            return Optional.empty();
        }
        if (!Passwords.isCurrent(stored)) {
            String current = passwords.hash(given);
            if (context.getBusinessObject(Users.class).rehash(name, stored, current)) {
                passwords.remember(name, current, given);
                user.rehash(current);
            }
        }
        return Optional.of(Caller.of(user));
    }

    /** Replaces the hash {@code old} of user {@code name} by {@code current}, unless it changed meanwhile. */
    public boolean rehash(String name, String old, String current) {
        User user = em.find(User.class, name);
        if (user == null || !user.passwordHash().equals(old)) {
            return false;
        }
        user.rehash(current);
        return true;
    }

    /** The user {@code name} as they are now, for a session made at their sign-in. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Caller> caller(String name) {
        User user = name == null ? null : em.find(User.class, name);
        return user == null || !user.getName().equals(name) ? Optional.empty() : Optional.of(Caller.of(user));
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
        String hashed = passwords.hash(password.toCharArray());
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
