package lino.linod.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;
import lino.linod.procedure.ScheduleOften;

/** Sends the pending emails. */
@ApplicationScoped
@ScheduleOften("send_pending_emails_often")
public class SendPendingEmailsOften implements Procedure {

    @Inject
    EmailSender sender;

    @Override
    public void run(ProcedureContext context) throws Exception {
        sender.sendPending(context.logger());
    }
}
