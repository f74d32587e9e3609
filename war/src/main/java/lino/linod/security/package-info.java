/**
 * Who is calling: HTTP Basic for the API and a signed-in session for the pages, both checked against the users
 * in the database (Jakarta Security's database identity store with PBKDF2 hashes). What each role may do is
 * declared in {@code web.xml}: {@code viewer} reads, {@code staff} also writes.
 */
package lino.linod.security;
