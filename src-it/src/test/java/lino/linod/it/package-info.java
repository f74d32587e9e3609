/**
 * Container tests on a real Payara Micro with embedded Derby: the test WAR is the built Payara Micro WAR without
 * the demo procedures, plus the test procedures, a clock the tests tick by hand and a probe that observes runs.
 * Tests never sleep: they advance the clock, wake the daemon and wait on a condition with a deadline.
 */
package lino.linod.it;
