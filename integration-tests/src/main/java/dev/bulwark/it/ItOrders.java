package dev.bulwark.it;

import dev.bulwark.api.AccessRequest;
import dev.bulwark.api.ObjectAccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The test app's ownership rule: order 1 belongs to alice, order 2 to bob; admins see every order. */
@ApplicationScoped
public class ItOrders implements ObjectAccessPolicy {

    static final Map<String, String> OWNERS = Map.of("1", "alice", "2", "bob");

    @Override
    public boolean permits(AccessRequest request) {
        String owner = OWNERS.get(request.objectId());
        return owner != null && (owner.equals(request.subject()) || request.groups().contains("admin"));
    }
}
