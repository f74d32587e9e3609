/**
 * Black-box tests of the REST API under {@code /linod/api} on the built Payara Micro WAR, demo included, as a
 * client sees it: plain HTTP with Basic auth, JSON read by a small parser of our own (the test class path has the
 * Jakarta JSON API but no implementation). The tests share one server and its data with the other black-box
 * tests: each test creates the tasks it changes and only reads the demo tasks. Waiting for the daemon is polling
 * over HTTP with a deadline, never sleeping.
 */
package lino.linod.it.api;
