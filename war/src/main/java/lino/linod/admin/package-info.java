/**
 * The admin pages (Jakarta Faces): one backing bean per page, named after it ({@code tasks.xhtml} ↔
 * {@link lino.linod.admin.TasksPage}). Beans only translate between the page and the stores; every action
 * checks the staff role itself, so that a forged postback by a viewer changes nothing.
 */
package lino.linod.admin;
