/**
 * Operations: readiness and liveness ({@link lino.linod.ops.Health}) and the Prometheus meters
 * ({@link lino.linod.ops.Metrics}). The daemon reports to them; they never call the daemon.
 */
package lino.linod.ops;
