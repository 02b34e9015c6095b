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
 */
public record RoutePolicy(String name, List<RoutePattern> paths, Set<String> methods, AddressRule addresses) {

    public RoutePolicy {
        paths = List.copyOf(paths);
        methods = Set.copyOf(methods);
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
