package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.ScheduleDaily;

/** Sends the pending emails. */
@ApplicationScoped
@ScheduleDaily("send_pending_emails_daily")
public class SendPendingEmailsDaily implements Procedure {

    @Inject
    EmailSender sender;

    @Override
    public void run(ProcedureContext context) throws Exception {
        sender.sendPending(context.logger());
    }
}
