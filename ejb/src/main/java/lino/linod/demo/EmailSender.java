package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Logger;

/** "Sends" the pending emails: marks them sent; an email without recipient is skipped with a warning. */
@ApplicationScoped
public class EmailSender {

    @Inject
    DemoTables tables;

    int sendPending(Logger log) throws Exception {
        int sent = 0;
        try (Connection c = tables.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT ID, RECIPIENT, SUBJECT FROM DEMO_EMAIL WHERE SENT = FALSE");
                PreparedStatement mark = c.prepareStatement("UPDATE DEMO_EMAIL SET SENT = TRUE WHERE ID = ?")) {
            while (r.next()) {
                if (r.getString(2) == null) {
                    log.warning("Email #" + r.getInt(1) + " has no recipient; not sent.");
                    continue;
                }
                log.fine("Send email #" + r.getInt(1) + " to " + r.getString(2) + ".");
                mark.setInt(1, r.getInt(1));
                mark.executeUpdate();
                sent++;
            }
        }
        log.info("Sent " + sent + " emails.");
        return sent;
    }
}
