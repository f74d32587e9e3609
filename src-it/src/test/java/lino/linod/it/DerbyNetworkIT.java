package lino.linod.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.Test;

/**
 * A database outage on Derby's network server: a Payara Micro node (the built WAR) uses a Derby network server
 * that this test runs, stops for 8 s and starts again. The node runs tasks again without a restart; the seconds
 * are printed, not asserted.
 */
@OwnNodes
class DerbyNetworkIT {

    private static final String ADMIN_PASSWORD = "Derby-net-1";

    private static NetworkServerControl server(int port) throws Exception {
        return new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
    }

    private static NetworkServerControl started(int port) throws Exception {
        NetworkServerControl control = server(port);
        control.start(new PrintWriter(System.out, true));
        return Poll.until("the Derby network server answers", Duration.ofSeconds(30), () -> {
            try {
                control.ping();
                return control;
            } catch (Exception notYet) {
                return null;
            }
        });
    }

    private static Http.Reply api(ServerProcess node, String method, String path, String body) {
        return Http.call(node, method, "api/" + path, "admin", ADMIN_PASSWORD, body);
    }

    /** The newest start of one of the task's runs, in epoch ms; 0 if none. */
    private static long lastStart(ServerProcess node, long task) {
        List<Map<String, Object>> runs = api(node, "GET", "tasks/" + task + "/runs?page=0&size=1", null).items();
        return runs.isEmpty() ? 0 : java.time.OffsetDateTime.parse((String) runs.get(0).get("startTime"))
                .toInstant().toEpochMilli();
    }

    @Test
    void aNodeGoesOnAfterTheNetworkServerWasAwayFor8Seconds() throws Exception {
        int port = ServerProcess.freePort();
        Path db = ServerProcess.itDir().toPath().resolve("derby-network").resolve("linod").toAbsolutePath();
        NetworkServerControl derby = started(port);
        ServerProcess node = null;
        try {
            node = ServerProcess.micro(Deployments.withClusterProcedures(), "derby-network-unused", Map.of(
                    "LINOD_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "LINOD_JDBC_URL", "jdbc:derby://127.0.0.1:" + port + "/" + db + ";create=true",
                    "LINOD_JDBC_DRIVER", "org.apache.derby.jdbc.ClientDriver"), List.of());
            ServerProcess micro = node.awaitReady();
            Http.Reply created = api(micro, "POST", "tasks",
                    "{\"procedure\":\"it_quick\",\"name\":\"every second\",\"recurrence\":{\"every\":1,\"unit\":\"secondly\"}}");
            assertEquals(201, created.status(), created.body());
            long task = ((Number) created.object().get("id")).longValue();
            Poll.until("runs every second", Duration.ofSeconds(30), () -> lastStart(micro, task) > 0 ? true : null);

            int linesBefore = micro.lines().size();
            derby.shutdown();
            Poll.window(Duration.ofSeconds(8));
            derby = started(port);
            long back = System.currentTimeMillis();

            Poll.until("ready after the network server is back", Duration.ofSeconds(60), () -> {
                try {
                    return Http.get(micro, "health/ready", null, null).status() == 200 ? true : null;
                } catch (RuntimeException e) {
                    return null;
                }
            });
            double ready = (System.currentTimeMillis() - back) / 1000.0;
            long first = Poll.until("a run after the network server is back", Duration.ofSeconds(60), () -> {
                long start = lastStart(micro, task);
                return start > back ? start : null;
            });
            List<String> during = micro.lines().subList(linesBefore, micro.lines().size());
            long records = during.stream().filter(l -> l.startsWith("[20") && !l.contains(" ended: ")
                    && !l.contains("lino.linod.procedure")).count();
            Measured.say(String.format("DerbyNetworkIT: network server away for 8 s: the node was ready again"
                    + " after %.1f s and ran its task after %.1f s; %d log records about it", ready, (first - back) / 1000.0,
                    records));
            assertTrue(during.stream().anyMatch(l -> l.contains("The database answers again")), micro.tail());
        } finally {
            if (node != null) {
                node.close();
            }
            try {
                derby.shutdown();
            } catch (Exception ignored) {
                // Stopped already.
            }
        }
    }
}
