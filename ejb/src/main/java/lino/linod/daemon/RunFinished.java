package lino.linod.daemon;

import lino.linod.run.Outcome;

/** CDI event fired after a run was recorded; observers run on the worker thread. */
public record RunFinished(long taskId, long runId, String taskName, Outcome outcome) {
}
