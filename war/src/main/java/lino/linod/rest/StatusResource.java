package lino.linod.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lino.linod.daemon.Daemon;
import lino.linod.site.Settings;

/** {@code /api/status}: the daemon on this node; as text, the listing that {@code linod --list} printed. */
@Path("status")
@RequestScoped
public class StatusResource {

    @EJB
    Daemon daemon;

    @Inject
    Settings settings;

    @GET
    @Produces("text/plain;qs=0.5")
    public String listing() {
        return daemon.listing();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String status() {
        JsonArrayBuilder running = JsonP.JSON.createArrayBuilder();
        daemon.running().forEach(r -> running.add(Views.running(r)));
        JsonObjectBuilder o = JsonP.JSON.createObjectBuilder()
                .add("useLinod", settings.useLinod())
                .add("active", daemon.isActive())
                .add("node", daemon.node());
        Views.add(o, "nextWakeUp", daemon.nextWakeUp().map(i -> Views.instant(i, settings.zone())).orElse(null));
        return o.add("running", running).build().toString();
    }
}
