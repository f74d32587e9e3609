/**
 * The benchmark of issue #12: linod, Quartz and db-scheduler side by side on one PostgreSQL 15 of the benchmark's
 * own, the same workloads and the same trivial job body for each, medians of several repetitions, written to
 * {@code BENCHMARKS.md} with an SVG chart. Not part of the build's tests: {@code mvn -B -f bench/pom.xml verify}.
 * Every workload also counts duplicates (one due execution run twice) and lost executions (never run).
 */
package lino.linod.bench;
