package lino.linod.user;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password hashes: PBKDF2-HMAC-SHA256 with {@value #ITERATIONS} iterations (OWASP's figure for 2023 on), a random
 * 32-byte salt and a 32-byte key, stored as {@code PBKDF2WithHmacSHA256:ITERATIONS:SALT:KEY} (Base64), the format
 * of Jakarta Security's {@code Pbkdf2PasswordHash}, so that hashes made by earlier versions (2,048 iterations)
 * still verify and are replaced at the next successful sign-in ({@link #isCurrent}).
 *
 * <p>One check costs about 0.15 s of CPU. So that the API's HTTP Basic (checked on every request) stays cheap, a
 * password that verified is remembered as an HMAC under a key made at start and never stored, together with the
 * hash it verified against: it counts only while the user's stored hash is unchanged, and is forgotten with the
 * process.
 */
@ApplicationScoped
public class Passwords {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 600_000;
    static final int SALT_BYTES = 32;
    static final int KEY_BYTES = 32;
    /** Stored hashes with more are refused rather than computed: one would hold a thread for minutes. */
    static final int MOST_ITERATIONS = 10_000_000;
    static final int REMEMBERED = 10_000;
    private static final Set<String> READABLE = Set.of("PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256",
            "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec rememberKey;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    final String unknownUser;

    private record Remembered(String hash, byte[] proof) {
    }

    public Passwords() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        rememberKey = new SecretKeySpec(key, "HmacSHA256");
        unknownUser = dummy();
    }

    /**
     * The stored form of a hash that no password matches (a random key), made without computing one: checking a
     * password against it costs what a real check costs. Computing a real hash here cost every start (or every
     * node's first sign-in) a second full hash.
     */
    private String dummy() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(salt);
        random.nextBytes(key);
        return stored(salt, key);
    }

    /** A new hash of {@code password} with the current parameters. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return stored(salt, derive(ALGORITHM, password, salt, ITERATIONS, KEY_BYTES));
    }

    /** The stored form of a key derived with the current parameters from {@code salt}. */
    private static String stored(byte[] salt, byte[] key) {
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    }

    /** Whether {@code password} is {@code user}'s, whose stored hash is {@code stored}. */
    public boolean verify(String user, String stored, char[] password) {
        Remembered known = remembered.get(user);
        if (known != null && known.hash().equals(stored)
                && MessageDigest.isEqual(known.proof(), proof(user, password))) {
            return true;
        }
        boolean matches = matches(stored, password);
        if (matches) {
            remember(user, stored, password);
        }
        return matches;
    }

    /** Spends the time of a check, for a user who does not exist: the answer's delay tells nothing. */
    public void verifyNobody(char[] password) {
        matches(unknownUser, password);
    }

    /** Remembers that {@code password} verified against {@code stored}, e.g. a hash just made. */
    public void remember(String user, String stored, char[] password) {
        if (remembered.size() >= REMEMBERED) {
            remembered.clear();
        }
        remembered.put(user, new Remembered(stored, proof(user, password)));
    }

    /** Whether {@code stored} was made with the current algorithm and at least the current iterations. */
    public static boolean isCurrent(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        return parts.length == 4 && parts[0].equals(ALGORITHM) && iterationsOf(parts[1]) >= ITERATIONS
                && iterationsOf(parts[1]) <= MOST_ITERATIONS;
    }

    /** The iterations of a stored hash, or -1 when it is not one. */
    public static int iterations(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        return parts.length == 4 ? iterationsOf(parts[1]) : -1;
    }

    static boolean matches(String stored, char[] password) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        if (parts.length != 4 || !READABLE.contains(parts[0])) {
            return false;
        }
        int iterations = iterationsOf(parts[1]);
        if (iterations < 1 || iterations > MOST_ITERATIONS) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (expected.length == 0 || expected.length > 64) {
            return false;
        }
        return MessageDigest.isEqual(expected, derive(parts[0], password, salt, iterations, expected.length));
    }

    private static int iterationsOf(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot compute " + algorithm, e);
        } finally {
            spec.clearPassword();
        }
    }

    private byte[] proof(String user, char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(rememberKey);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(bytes);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
