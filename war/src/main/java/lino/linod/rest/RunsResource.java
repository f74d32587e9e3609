package lino.linod.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lino.linod.site.Settings;
import lino.linod.run.Runs;

/** {@code /api/runs/{id}}: one run with its captured log and progress. */
@Path("runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @EJB
    Runs runs;

    @Inject
    Settings settings;

    @GET
    @Path("{id}")
    public String one(@PathParam("id") String id) {
        return runs.find(TasksResource.id(id)).map(r -> Views.run(r, settings.zone(), true).toString())
                .orElseThrow(NotFoundException::new);
    }
}
