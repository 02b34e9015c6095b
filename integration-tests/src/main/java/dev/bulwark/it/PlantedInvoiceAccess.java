package dev.bulwark.it;

import dev.bulwark.api.AccessRequest;
import dev.bulwark.api.ObjectAccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The planted application's correct ownership rule (PlantedBugsScanIT): an invoice is its owner's only. */
@ApplicationScoped
public class PlantedInvoiceAccess implements ObjectAccessPolicy {

    @Inject
    PlantedLedger ledger;

    @Override
    public boolean permits(AccessRequest request) {
        return ledger.invoiceOwner(request.objectId()).map(request.subject()::equals).orElse(false);
    }
}
