/**
 * The plumbing of one installation: settings, the clock, the data source (embedded Derby or the operator's JDBC
 * URL) and the schema migrations, which run first at start-up ({@link lino.linod.site.Database}).
 */
package lino.linod.site;
