package lino.linod.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.site.Settings;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;

/**
 * {@code POST /api/setup-tasks}: Lino's SetupTasks (staff only, as every write): a task for each registered
 * procedure that has none, and the tasks whose procedure is not registered taken off the schedule; answers what
 * it did.
 */
@Path("setup-tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SetupTasksResource {

    @EJB
    SystemTasks tasks;

    @Inject
    ProcedureRegistry registry;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @POST
    public String setup() {
        Instant now = clock.instant();
        SystemTasks.Setup done = tasks.setup(security.getUserPrincipal().getName(), now, settings.zone());
        return JsonP.JSON.createObjectBuilder().add("message", done.message())
                .add("created", views(done.created(), now)).add("unresolved", views(done.unresolved(), now))
                .build().toString();
    }

    private JsonArrayBuilder views(List<SystemTask> list, Instant now) {
        JsonArrayBuilder items = JsonP.JSON.createArrayBuilder();
        list.forEach(t -> items.add(Views.task(t, now, settings.zone(), registry.find(t.getProcedure())
                .isPresent(), registry.find(t.getProcedure()).map(lino.linod.procedure.ProcedureInfo::typed)
                .orElse(false))));
        return items;
    }
}
