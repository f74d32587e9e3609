/**
 * Site users and their roles: {@code staff} (everything, Lino's SiteStaff) and {@code viewer} (read only).
 *
 * <p>Passwords are stored as PBKDF2-HMAC-SHA256 hashes with 600,000 iterations ({@link lino.linod.user.Passwords});
 * {@link lino.linod.user.Users#signIn} checks them for the web module's sign-in, which also asks
 * {@link lino.linod.user.Users#caller} on every request of a session, so that deleting a user, changing their roles
 * or their password takes effect at once. When there is no user at all, start-up
 * creates {@code admin} (staff) with the password from {@code LINOD_ADMIN_PASSWORD}, else a generated one that is
 * printed once in the server log.
 */
package lino.linod.user;
