/**
 * What runs: the background procedures an application registers.
 *
 * <p>A procedure is a CDI bean that implements {@link lino.linod.procedure.Procedure} and carries one of the
 * qualifiers {@link lino.linod.procedure.BackgroundTask}, {@link lino.linod.procedure.ScheduleOften} or
 * {@link lino.linod.procedure.ScheduleDaily}, which name it and suggest its recurrence. The
 * {@link lino.linod.procedure.ProcedureRegistry} extension sees the beans of every module of the deployment;
 * two procedures with one name fail the deployment.
 */
package lino.linod.procedure;
