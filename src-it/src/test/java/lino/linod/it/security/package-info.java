/**
 * Black-box tests of linod's limits against the real server (issue #11): request bodies refused before they are
 * read, every number and list of the API bounded, and the site's quotas ({@code max_tasks},
 * {@code shortest_interval}) on a server of their own started with those settings. Raw sockets where an HTTP
 * client would hide what is proven (a body that is never sent whole).
 */
package lino.linod.it.security;
