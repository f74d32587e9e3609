package lino.linod.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lino.linod.daemon.Daemon;

/** {@code GET /api/status}: the daemon's listing, as {@code linod --list} printed it. */
@Path("status")
@RequestScoped
public class StatusResource {

    @EJB
    Daemon daemon;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String listing() {
        return daemon.listing();
    }
}
