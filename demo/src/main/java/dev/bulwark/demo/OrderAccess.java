package dev.bulwark.demo;

import dev.bulwark.api.AccessRequest;
import dev.bulwark.api.ObjectAccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Who may reach an order: its customer, or an admin. A missing order is refused like someone else's. */
@ApplicationScoped
public class OrderAccess implements ObjectAccessPolicy {

    @Inject
    Store store;

    @Override
    public boolean permits(AccessRequest request) {
        return store.order(Long.parseLong(request.objectId()))
                .map(o -> request.groups().contains(DemoApplication.ADMIN) || o.customerId().equals(request.subject()))
                .orElse(false);
    }
}
