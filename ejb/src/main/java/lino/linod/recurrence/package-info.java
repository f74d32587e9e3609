/**
 * Recurrence: <em>when</em> a system task runs. A {@link lino.linod.recurrence.Recurrence} is the rule people
 * edit (Lino's fields or a cron expression, with an optional zone); a {@link lino.linod.recurrence.Schedule} is
 * that rule bound to a zone, answering the next run instant for the daemon and serving as a Jakarta Concurrency
 * {@code ZonedTrigger}. Plain Java: no container needed.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>A {@code Recurrence} is immutable and valid when built; every violation is reported at once, by field.</li>
 * <li>Slots are wall-clock times in the rule's zone, except for secondly, minutely and hourly, which are fixed
 *     durations on the instant time line (hourly across a DST change gives every real hour once).</li>
 * <li>A wall-clock time in a spring-forward gap runs at the end of the gap (02:30 in Brussels on 29 March 2026
 *     runs at 03:00 CEST); a time that occurs twice runs once, at its first occurrence.</li>
 * <li>Missed slots collapse into one run, then the schedule continues with its next future slot (see
 *     {@link lino.linod.recurrence.Schedule#nextRun}).</li>
 * <li>The next run is found by arithmetic from the anchor; loops are bounded, so an old schedule costs the same
 *     as a new one.</li>
 * </ul>
 *
 * <h2>Semantics</h2>
 * <ul>
 * <li>{@code every} counts days, weeks, months or years from the anchor: the start date, or without one the local
 *     date of the last start (never ran: of now). Weeks start on Monday.</li>
 * <li>Calendar rules run at the start time; without one at midnight, except an <em>unanchored</em> rule (no start
 *     date, start time, weekdays or positions), which runs {@code every} units after the last start, as Lino does,
 *     and as soon as possible when it never ran. Give a start date to pin the day of the month.</li>
 * <li>Monthly and yearly rules without weekdays keep the start date's day, clamped to the month's length for each
 *     slot separately: 31 January, 28 February, 31 March; 29 February yearly runs on 28 February in common
 *     years.</li>
 * <li>Weekday flags: weekly, monthly and yearly rules run on every checked day of every N-th period; positions
 *     then pick the n-th checked day of the period (-1 the last). Daily and interval rules only skip the
 *     unchecked days.</li>
 * <li>Easter rules run at the start date's distance from its year's Easter Sunday (no start date: on Easter
 *     Sunday), every N years.</li>
 * <li>Secondly, minutely and hourly rules with a start date or time form a grid from that instant (start time
 *     alone: aligned to 1 January 1970 in the rule's zone).</li>
 * <li>The end date includes its whole day unless an end time is given. {@code maxEvents} counts runs, so missed
 *     slots that collapse into one run count once. A cron rule may have a start date (and time), an end and
 *     {@code maxEvents}, but no unit fields.</li>
 * </ul>
 *
 * <h2>Cron dialect</h2>
 * Cron rules are parsed and evaluated by Jakarta Concurrency's {@code CronTrigger}:
 * <ul>
 * <li>5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first). Blanks between fields are
 *     collapsed. No year field, no macros such as {@code @daily}.</li>
 * <li>Numbers, {@code *}, {@code ?}, lists {@code 1,15}, ranges {@code 9-17} (wrapping ranges such as
 *     {@code FRI-MON} are allowed), steps <code>*&#47;15</code> and {@code 5/10}; not {@code 5-20/5}, and no steps in
 *     day-of-week.</li>
 * <li>Month names {@code JAN}-{@code DEC} and day names {@code SUN}-{@code SAT} (also full names, any case);
 *     day-of-week numbers 0-7 with 0 and 7 both Sunday.</li>
 * <li>{@code L} (last day) and {@code 2L} (second to last) in day-of-month; {@code FRI#2} and {@code FRI#L} in
 *     day-of-week. {@code W} and {@code LW} are not supported.</li>
 * <li>When both day-of-month and day-of-week are restricted, a day must match <em>both</em> (Vixie cron and
 *     cron-utils' Unix flavour accept either).</li>
 * </ul>
 * Expressions it rejects are refused with a {@code cron} violation naming the field. The zone handling is ours,
 * not {@code CronTrigger}'s: evaluated in a DST zone, it skips the day whose time falls in the gap and fires twice
 * in the overlap; we evaluate it on a time line without transitions and apply the rule above.
 */
package lino.linod.recurrence;
