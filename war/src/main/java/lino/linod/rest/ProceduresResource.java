package lino.linod.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lino.linod.procedure.ProcedureRegistry;

/** {@code /api/procedures}: the registered background procedures (Lino's Procedures choicelist). */
@Path("procedures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProceduresResource {

    @Inject
    ProcedureRegistry registry;

    @GET
    public String list() {
        JsonArrayBuilder list = JsonP.JSON.createArrayBuilder();
        registry.procedures().values().forEach(p -> list.add(Views.procedure(p)));
        return list.build().toString();
    }
}
