package lino.linod.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * A signed-in user as the database has them now: name, roles, and a tag of their credentials that changes with
 * every new password, so that a session made before the change can tell.
 */
public record Caller(String name, Set<String> roles, String credentials) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    static Caller of(User user) {
        return new Caller(user.getName(), user.getRoles(), tag(user.passwordHash()));
    }

    private static String tag(String hash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
