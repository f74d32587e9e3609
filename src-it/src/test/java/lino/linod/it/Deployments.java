package lino.linod.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Test archives made from the built Payara Micro WAR: the real artifact, minus the demo, plus test classes. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive linodWithoutDemo(String name, String properties) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, builtWar());
        war.delete("/WEB-INF/lib/linod-ejb-demo.jar");
        WebArchive renamed = ShrinkWrap.create(WebArchive.class, name + ".war").merge(war);
        renamed.addAsResource(new StringAsset(properties), "linod.properties");
        renamed.addClasses(TestClock.class, TestClock.Settable.class, RunProbe.class, Deployments.class);
        return renamed;
    }

    /**
     * The built WAR without the demo (so that nothing runs unless a test asks) plus the procedures of the
     * process-level tests, as a file in target/.
     */
    static synchronized File withClusterProcedures() {
        File file = new File(ServerProcess.itDir(), "linod-cluster-it.war");
        if (!file.isFile()) {
            WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, builtWar());
            war.delete("/WEB-INF/lib/linod-ejb-demo.jar");
            WebArchive renamed = ShrinkWrap.create(WebArchive.class, "linod-cluster-it.war").merge(war);
            renamed.addClasses(ClusterProcedures.class, ClusterProcedures.Quick.class, ClusterProcedures.Long.class);
            renamed.as(org.jboss.shrinkwrap.api.exporter.ZipExporter.class).exportTo(file, true);
        }
        return file;
    }

    static File builtWar() {
        File war = new File(System.getProperty("linod.microWar", "target/linod-micro.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the Payara Micro WAR first: " + war);
        }
        return war;
    }
}
