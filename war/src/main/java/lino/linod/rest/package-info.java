/**
 * The HTTP boundary under {@code /linod/api}: thin resources that delegate to the stores and the daemon.
 */
package lino.linod.rest;
