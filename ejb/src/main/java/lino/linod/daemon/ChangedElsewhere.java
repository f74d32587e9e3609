package lino.linod.daemon;

/** CDI event: another node told (by PostgreSQL's {@code NOTIFY}) that tasks changed or runs ended there. */
public record ChangedElsewhere() {
}
