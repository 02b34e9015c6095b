package dev.bulwark.internal.network;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The address rules and route policies, as read from the configuration. Immutable.
 *
 * @param global         {@code bulwark.ip.allow} / {@code bulwark.ip.deny}: every request
 * @param roles          per role ({@code bulwark.ip.roles.<role>.*}): every resource method whose
 *                       {@code @RolesAllowed} names the role
 * @param routes         the route policies ({@code bulwark.routes.<name>.*}), in the order listed
 * @param reloadInterval how often the rules are read again from the configuration
 */
public record NetworkSettings(AddressRule global, Map<String, AddressRule> roles, List<RoutePolicy> routes,
                              Duration reloadInterval) {

    public NetworkSettings {
        roles = Map.copyOf(roles);
        routes = List.copyOf(routes);
    }

    /** True when no rule applies at the servlet layer (the global lists and the routes' lists are empty). */
    public boolean noRequestRules() {
        return global.isEmpty() && routes.stream().allMatch(r -> r.addresses().isEmpty());
    }

    /**
     * Why a request is refused at the servlet layer (every door: resources, servlets, static files), or null: the
     * global lists, then the lists of every route policy that covers it. Each rule must let it through, so a
     * deny anywhere wins.
     *
     * @param address the client address's bytes, or null when unreadable
     */
    public String refusal(byte[] address, String method, String normalizedPath) {
        String refused = global.refusal(address);
        for (int i = 0; refused == null && i < routes.size(); i++) {
            RoutePolicy route = routes.get(i);
            if (route.covers(method, normalizedPath)) {
                refused = route.addresses().refusal(address);
            }
        }
        return refused;
    }

    /** Why a call of an endpoint that names these roles is refused, or null: the rule of every named role. */
    public String roleRefusal(byte[] address, Collection<String> endpointRoles) {
        for (String role : endpointRoles) {
            AddressRule rule = roles.get(role);
            String refused = rule == null ? null : rule.refusal(address);
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }
}
