package dev.bulwark.internal.network;

import dev.bulwark.internal.authz.Roles;
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
        if (!global.isEmpty()) {
            return false;
        }
        for (RoutePolicy r : routes) { // per request: no stream
            if (!r.addresses().isEmpty()) {
                return false;
            }
        }
        return true;
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

    /**
     * Why the route policies covering a request refuse its caller: 401 when no caller is known, else 403.
     *
     * @param scopes the scopes the refusing route needs when its scopes refused the caller (for the
     *               {@code insufficient_scope} challenge), else empty
     */
    public record CallerRefusal(boolean unauthenticated, String reason, java.util.Set<String> scopes) {

        public CallerRefusal {
            scopes = java.util.Set.copyOf(scopes);
        }

        CallerRefusal(boolean unauthenticated, String reason) {
            this(unauthenticated, reason, java.util.Set.of());
        }
    }

    /** True when a route policy asks something of callers (access, roles, scopes). */
    public boolean checksCallers() {
        for (RoutePolicy r : routes) { // per request: no stream
            if (r.checksCaller()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the route policies covering a request require of its caller, once it is known (after authentication):
     * {@code deny} refuses everyone, {@code authenticated}, {@code roles} and {@code scopes} need a caller (401
     * without one), {@code roles} one of the roles (403) and {@code scopes} every scope in the caller's token (403).
     * Every covering policy must be satisfied. Null when the caller may go on.
     *
     * @param decide  the caller's outcome for a set of roles ({@link Roles#ANY_AUTHENTICATED}: any caller), as the
     *                role check decides it (the verified token's groups, else the container's caller)
     * @param granted the scopes of the caller's verified token or API key (empty when it has none)
     */
    public CallerRefusal callerRefusal(String method, String normalizedPath,
                                       java.util.function.Function<java.util.Set<String>, Roles.Outcome> decide,
                                       java.util.function.Supplier<java.util.Set<String>> granted) {
        for (RoutePolicy route : routes) {
            if (!route.checksCaller() || !route.covers(method, normalizedPath)) {
                continue;
            }
            if (route.access() == RouteAccess.DENY) {
                return new CallerRefusal(false, "route " + route.name() + " denies every request");
            }
            Roles.Outcome outcome = decide.apply(route.roles().isEmpty()
                    ? java.util.Set.of(Roles.ANY_AUTHENTICATED) : route.roles());
            if (outcome == Roles.Outcome.UNAUTHENTICATED) {
                return new CallerRefusal(true, "route " + route.name() + " needs an authenticated caller");
            }
            if (outcome == Roles.Outcome.FORBIDDEN) {
                return new CallerRefusal(false, "route " + route.name() + " needs one of the roles "
                        + new java.util.TreeSet<>(route.roles()));
            }
            if (!route.scopes().isEmpty() && !granted.get().containsAll(route.scopes())) {
                return new CallerRefusal(false, "route " + route.name() + " needs the scopes "
                        + new java.util.TreeSet<>(route.scopes()), route.scopes());
            }
        }
        return null;
    }

    /**
     * For the inventory: the route policies that cover a resource method, each named with what it requires
     * ({@code admins: roles any of [admin] | closed: addresses deny 127.0.0.0/8}), or null when none does. The
     * path template is matched as a path: a route that names one value of a path parameter ({@code /orders/7}) is
     * not shown for the template ({@code /orders/{id}}), though it applies to that one value.
     *
     * @param pathTemplate the resource method's path template below the context root
     */
    public String describeRoutes(String httpMethod, String pathTemplate) {
        List<String> covering = covering(httpMethod, pathTemplate).stream()
                .map(r -> r.name() + ": " + r.describe()).toList();
        return covering.isEmpty() ? null : String.join(" | ", covering);
    }

    /** The route policies covering an endpoint's method and path template (below the context root). */
    public List<RoutePolicy> covering(String httpMethod, String pathTemplate) {
        String path = RoutePattern.normalize(pathTemplate);
        return routes.stream().filter(r -> r.covers(httpMethod, path)).toList();
    }

    /** True when a route policy sets a rate limit. */
    public boolean limitsRates() {
        for (RoutePolicy r : routes) { // per request: no stream
            if (r.rateLimit() != null) {
                return true;
            }
        }
        return false;
    }

    /** The route policies covering a request that set a rate limit, in the order listed. */
    public List<RoutePolicy> rateLimited(String method, String normalizedPath) {
        return routes.stream().filter(r -> r.rateLimit() != null && r.covers(method, normalizedPath)).toList();
    }

    /** The body limit of a request: the smallest of {@code limit} and those of the route policies covering it. */
    public long bodyLimit(String method, String normalizedPath, long limit) {
        long smallest = limit;
        for (RoutePolicy route : routes) {
            if (route.bodyLimit() > 0 && route.bodyLimit() < smallest && route.covers(method, normalizedPath)) {
                smallest = route.bodyLimit();
            }
        }
        return smallest;
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
