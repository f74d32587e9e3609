package lino.linod.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import lino.linod.daemon.Daemon;
import lino.linod.site.Settings;

/** {@code daemon.xhtml}: the daemon on this node. */
@Named
@RequestScoped
public class DaemonPage extends Page {

    @EJB
    Daemon daemon;

    @Inject
    Settings settings;

    public boolean isActive() {
        return daemon.isActive();
    }

    public String getNode() {
        return daemon.node();
    }

    public String getNextWakeUp() {
        return daemon.nextWakeUp().map(i -> show(i, settings.zone())).orElse("");
    }

    public String getListing() {
        return daemon.listing();
    }

    public List<Daemon.RunningRun> getRunning() {
        return daemon.running();
    }
}
