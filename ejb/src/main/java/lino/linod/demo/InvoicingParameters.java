package lino.linod.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The parameters of an invoicing task, as Lino's {@code invoicing.Task} has them: the journal that gets the
 * invoices, and the offsets in days from the run's date to the last date to invoice and to the invoices' date.
 *
 * @param journal       the target journal's reference, e.g. {@code SLS} (sales invoices) or {@code SRV} (service
 *                      reports)
 * @param maxDateOffset invoice what is due up to this many days from today (−1: up to yesterday)
 * @param todayOffset   the invoices' date, in days from today
 */
public record InvoicingParameters(
        @NotBlank @Size(max = 5) @Pattern(regexp = "[A-Z]*", message = "must be capital letters") String journal,
        @Min(-365) @Max(365) int maxDateOffset,
        @Min(-365) @Max(365) int todayOffset) {

    /** A new invoicing task's parameters: sales invoices up to yesterday, dated today. */
    public InvoicingParameters() {
        this("SLS", -1, 0);
    }
}
