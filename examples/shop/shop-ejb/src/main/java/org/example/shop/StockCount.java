package org.example.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import lino.linod.procedure.BackgroundTask;
import lino.linod.procedure.Procedure;
import lino.linod.procedure.ProcedureContext;

/** A procedure of the shop's own module: linod finds it, makes its system task and runs it. */
@ApplicationScoped
@BackgroundTask(value = "shop_stock_count", recurrence = "every=1, every_unit=daily, start_time=05:00")
public class StockCount implements Procedure {

    @Inject
    Inventory inventory;

    @Override
    public void run(ProcedureContext context) {
        context.logger().info(inventory.count());
    }
}
