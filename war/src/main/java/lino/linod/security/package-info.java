/**
 * Who is calling: HTTP Basic for the API and a signed-in session for the pages, both checked against the users
 * in the database (Jakarta Security's database identity store with PBKDF2 hashes). What each role may do is
 * declared in {@code web.xml}: {@code viewer} reads, {@code staff} also writes. What every response carries
 * ({@link lino.linod.security.SafeHeaders}) and how much of a request is read at most
 * ({@link lino.linod.security.BodyLimit}) are decided here too.
 */
package lino.linod.security;
