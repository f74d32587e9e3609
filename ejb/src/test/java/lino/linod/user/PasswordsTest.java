package lino.linod.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    /** admin's hash in the 0.1.0 Derby dump (src-it), made by the container's Pbkdf2PasswordHash defaults. */
    static final String OLD_ADMIN = "PBKDF2WithHmacSHA256:2048:GzRRA4O/CixCKYgEqqpV6o+hIUpAsKxZ5ugItgSpGXk=:"
            + "TgtJ2g2cu9iwTFzJbX7FVVSUGsysJJFJUb+altvb7vQ=";

    private final Passwords passwords = new Passwords();

    @Test
    void aNewHashHasTheCurrentParameters() {
        String hash = passwords.hash("Correct horse".toCharArray());
        String[] parts = hash.split(":");
        assertEquals(4, parts.length, hash);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals(600_000, Integer.parseInt(parts[1]));
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "key");
        assertTrue(Passwords.isCurrent(hash));
        assertNotEquals(hash, passwords.hash("Correct horse".toCharArray()), "a new salt each time");
    }

    @Test
    void theRightPasswordVerifiesAndAWrongOneNot() {
        String hash = passwords.hash("Correct horse".toCharArray());
        assertTrue(passwords.verify("ann", hash, "Correct horse".toCharArray()));
        assertTrue(passwords.verify("ann", hash, "Correct horse".toCharArray()), "again, remembered");
        assertFalse(passwords.verify("ann", hash, "Correct horse ".toCharArray()));
        assertFalse(passwords.verify("ann", hash, "correct horse".toCharArray()));
    }

    @Test
    void aRememberedPasswordCountsOnlyForTheHashItVerifiedAgainst() {
        String first = passwords.hash("Correct horse".toCharArray());
        assertTrue(passwords.verify("ann", first, "Correct horse".toCharArray()));
        String changed = passwords.hash("Battery staple".toCharArray());
        assertFalse(passwords.verify("ann", changed, "Correct horse".toCharArray()), "the password was changed");
        assertTrue(passwords.verify("ann", changed, "Battery staple".toCharArray()));
    }

    @Test
    void oldHashesStillVerifyButAreNotCurrent() {
        assertTrue(passwords.verify("admin", OLD_ADMIN, "Admin-0.1.0".toCharArray()));
        assertFalse(passwords.verify("admin", OLD_ADMIN, "Admin-0.1.1".toCharArray()));
        assertFalse(Passwords.isCurrent(OLD_ADMIN));
        assertEquals(2048, Passwords.iterations(OLD_ADMIN));
    }

    @Test
    void brokenOrHostileHashesNeverVerify() {
        for (String stored : new String[] {null, "", "plain", "PBKDF2WithHmacSHA256:x:AA==:AA==",
                "MD5:1000:AA==:AA==", "PBKDF2WithHmacSHA256:2000000000:AA==:AA==",
                "PBKDF2WithHmacSHA256:1000:not base64!:AA==", "PBKDF2WithHmacSHA256:1000:AA==:"}) {
            assertFalse(passwords.verify("ann", stored, "anything".toCharArray()), String.valueOf(stored));
            assertFalse(Passwords.isCurrent(stored), String.valueOf(stored));
        }
    }

    @Test
    void anUnknownUsersCheckCostsAFullCheckAndNothingPasses() {
        // The stand-in hash is not computed, but a check against it derives a key with the current parameters.
        assertTrue(Passwords.isCurrent(passwords.unknownUser));
        assertEquals(Passwords.ITERATIONS, Passwords.iterations(passwords.unknownUser));
        assertFalse(Passwords.matches(passwords.unknownUser, "no such user".toCharArray()));
        assertFalse(Passwords.matches(passwords.unknownUser, "".toCharArray()));
    }
}
