package dev.bulwark.internal.network;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One named route policy of the configuration ({@code bulwark.routes.<name>.*}): the paths and methods it covers
 * and what it requires there.
 *
 * @param name      its name in the keys
 * @param paths     the paths it covers
 * @param methods   the methods it covers, in upper case; empty: every method ({@code GET} covers {@code HEAD})
 * @param addresses its address rule
 * @param access    what it requires of the caller, or null when it says nothing
 * @param roles     roles of which the caller must hold one (empty: none required)
 * @param scopes    OAuth2 scopes the caller's token must all hold (empty: none required)
 * @param bodyLimit the largest request body in bytes, or 0 when it sets none
 * @param rateLimit its rate limit per caller ({@code 100/1m}, the syntax of {@code bulwark.ratelimit.anonymous}),
 *                  or null when it sets none
 */
public record RoutePolicy(String name, List<RoutePattern> paths, Set<String> methods, AddressRule addresses,
                          RouteAccess access, Set<String> roles, Set<String> scopes, long bodyLimit,
                          String rateLimit) {

    public RoutePolicy {
        paths = List.copyOf(paths);
        methods = Set.copyOf(methods);
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** A policy with address rules only. */
    public RoutePolicy(String name, List<RoutePattern> paths, Set<String> methods, AddressRule addresses) {
        this(name, paths, methods, addresses, null, Set.of(), Set.of(), 0, null);
    }

    /** True when the policy asks something of the caller (once the caller is known). */
    public boolean checksCaller() {
        return access == RouteAccess.DENY || access == RouteAccess.AUTHENTICATED || !roles.isEmpty()
                || !scopes.isEmpty();
    }

    /**
     * For the inventory: what the policy requires where it applies, e.g.
     * {@code roles any of [admin]; scopes all of [ops:write]; addresses allow 10.8.0.0/16}; {@code no rule} when it
     * requires nothing.
     */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        if (access != null) {
            parts.add("access " + access.label());
        }
        if (!roles.isEmpty()) {
            parts.add("roles any of " + new java.util.TreeSet<>(roles));
        }
        if (!scopes.isEmpty()) {
            parts.add("scopes all of " + new java.util.TreeSet<>(scopes));
        }
        if (bodyLimit > 0) {
            parts.add("body at most " + bodyLimit + " bytes");
        }
        if (rateLimit != null) {
            parts.add("rate limit " + rateLimit + " per caller");
        }
        if (!addresses.isEmpty()) {
            parts.add("addresses " + addresses.describe());
        }
        return parts.isEmpty() ? "no rule" : String.join("; ", parts);
    }

    /** Whether a request with this effective method and normalized path is covered. */
    public boolean covers(String method, String normalizedPath) {
        if (!methods.isEmpty()) {
            String m = method.toUpperCase(Locale.ROOT);
            if (!methods.contains(m) && !(m.equals("HEAD") && methods.contains("GET"))) {
                return false;
            }
        }
        for (RoutePattern p : paths) {
            if (p.matches(normalizedPath)) {
                return true;
            }
        }
        return false;
    }
}
