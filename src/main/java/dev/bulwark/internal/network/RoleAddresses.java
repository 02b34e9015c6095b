package dev.bulwark.internal.network;

import dev.bulwark.internal.pipeline.PolicyPart;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles of a resource method's {@code @RolesAllowed} that have address rules ({@code bulwark.ip.roles}): a call
 * must pass the rule of each of them, from whatever address and with whatever token it comes.
 *
 * @param roles     those roles
 * @param described the rules as read at deployment, for the inventory (the lists themselves reload)
 */
public record RoleAddresses(Set<String> roles, String described) implements PolicyPart {

    public RoleAddresses {
        roles = Set.copyOf(roles);
    }

    @Override
    public String describe() {
        return described;
    }

    /** Makes the part from the endpoint's roles and the rules read at deployment; null when no role has one. */
    static RoleAddresses of(Set<String> endpointRoles, NetworkSettings settings) {
        Set<String> listed = new TreeSet<>();
        for (String role : endpointRoles) {
            if (settings.roles().containsKey(role)) {
                listed.add(role);
            }
        }
        if (listed.isEmpty()) {
            return null;
        }
        List<String> parts = listed.stream().map(r -> "role " + r + ": " + settings.roles().get(r).describe())
                .toList();
        return new RoleAddresses(listed, String.join("; ", parts));
    }
}
