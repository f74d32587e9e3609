package lino.linod.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import lino.linod.recurrence.Violation;
import lino.linod.user.User;
import lino.linod.user.Users;

/** {@code /api/users}: who may sign in, with which role (staff only). */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** What PUT takes. */
    static final Set<String> FIELDS = Set.of("password", "roles");

    @EJB
    Users users;

    @GET
    public String list() {
        JsonArrayBuilder list = JsonP.JSON.createArrayBuilder();
        for (User u : users.all()) {
            JsonArrayBuilder roles = JsonP.JSON.createArrayBuilder();
            u.getRoles().stream().sorted().forEach(roles::add);
            list.add(JsonP.JSON.createObjectBuilder().add("name", u.getName()).add("roles", roles));
        }
        return list.build().toString();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("name") String name, String json) {
        Body body = Body.parse(json, FIELDS);
        String password = body.string("password", 1000);
        List<String> roles = body.strings("roles", 20, 10);
        if (!body.has("password")) {
            body.violations.add(new Violation("password", "is required"));
        }
        if (!body.has("roles")) {
            body.violations.add(new Violation("roles", "is required"));
        }
        body.check();
        boolean created = users.save(name, password, roles);
        String view = JsonP.JSON.createObjectBuilder().add("name", name)
                .add("roles", JsonP.JSON.createArrayBuilder(roles.stream().distinct().sorted().toList())).build()
                .toString();
        return Response.status(created ? 201 : 200).entity(view).build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        if (!users.delete(name)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }
}
