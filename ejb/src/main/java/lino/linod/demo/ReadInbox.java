package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.concurrent.ThreadLocalRandom;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;

/** Reads the inbox: new messages arrive, some of them asking for an email reply. */
@ApplicationScoped
@BackgroundTask(value = "read_inbox", recurrence = "every=300, every_unit=secondly")
public class ReadInbox implements Procedure {

    @Inject
    DemoTables tables;

    @Override
    public void run(ProcedureContext context) throws Exception {
        int count = ThreadLocalRandom.current().nextInt(1, 4);
        try (Connection c = tables.connect()) {
            for (int i = 0; i < count; i++) {
                DemoTables.insertMessage(c, "Inbox message " + System.nanoTime());
                DemoTables.insertEmail(c, "reply" + i + "@example.org", "Re: inbox message");
            }
        }
        context.logger().fine("Connected to the demo mailbox.");
        context.logger().info("Read " + count + " messages.");
    }
}
