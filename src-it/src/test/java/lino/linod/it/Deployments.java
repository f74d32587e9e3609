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
        openArquillianRunner(renamed);
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

    /**
     * linod's web.xml closes every path that it does not name open (the default pattern {@code /}); Arquillian's
     * test servlet, which only test archives have, is named open here, the rest of web.xml stays as built.
     */
    private static void openArquillianRunner(WebArchive war) {
        org.jboss.shrinkwrap.api.Node node = war.get("/WEB-INF/web.xml");
        String xml;
        try (java.io.InputStream in = node.getAsset().openStream()) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String anchor = "  <security-role>";
        if (!xml.contains(anchor)) {
            throw new IllegalStateException("web.xml has no security role to add the test servlet's constraint before");
        }
        xml = xml.replaceFirst(anchor, "  <security-constraint><web-resource-collection><web-resource-name>Arquillian"
                + "</web-resource-name><url-pattern>/ArquillianServletRunner/*</url-pattern>"
                + "<url-pattern>/ArquillianServletRunnerEE9/*</url-pattern></web-resource-collection>"
                + "</security-constraint>\n" + anchor);
        war.delete("/WEB-INF/web.xml");
        war.setWebXML(new StringAsset(xml));
    }

    static File builtWar() {
        File war = new File(System.getProperty("linod.microWar", "target/linod-micro.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the Payara Micro WAR first: " + war);
        }
        return war;
    }
}
