/**
 * Demo procedures mirroring Lino's demo site. Packaged apart (the {@code demo} classifier jar) so that an
 * application including the linod modules does not get them; the Payara Micro WAR and the demo EAR include them.
 * They work on two small demo tables (messages and emails) through plain JDBC.
 */
package lino.linod.demo;
