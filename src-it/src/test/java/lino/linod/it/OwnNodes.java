package lino.linod.it;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A process-level suite: it starts its own nodes (and databases) and spends much of its time waiting for them (a
 * lease to run out, a database to come back, a node to stop). It runs next to the other suites, which share the
 * black-box server and Arquillian's, so that its waits leave the cores to them; one such suite at a time (the lock),
 * its tests one after the other in their order (a class holding a lock runs its tests in its own thread).
 * Parallel execution is switched on for the default execution only (src-it/pom.xml); elsewhere this changes
 * nothing.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnNodes.LOCK)
@interface OwnNodes {

    String LOCK = "lino.linod.it.own-nodes";
}
