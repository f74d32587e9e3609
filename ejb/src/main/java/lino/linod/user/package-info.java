/**
 * Site users and their roles: {@code staff} (everything, Lino's SiteStaff) and {@code viewer} (read only).
 *
 * <p>Passwords are stored as PBKDF2 hashes in the format of Jakarta Security's {@code Pbkdf2PasswordHash}, so
 * that the web module's database identity store checks them directly. When there is no user at all, start-up
 * creates {@code admin} (staff) with the password from {@code LINOD_ADMIN_PASSWORD}, else a generated one that is
 * printed once in the server log.
 */
package lino.linod.user;
