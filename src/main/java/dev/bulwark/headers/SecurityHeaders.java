package dev.bulwark.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which security headers a response gets, at the moment it commits: the configured set on every
 * response, HSTS only on TLS, Cache-Control on authenticated and problem responses. A header the application (or
 * a per-resource {@code @SecurityHeader}) already set is left as it is; one a resource switched off is skipped.
 */
public final class SecurityHeaders {

    /** The facts about one response that decide its headers. */
    public record Exchange(boolean secure, boolean authenticated, boolean problem) {
    }

    private final HeaderSettings config;

    public SecurityHeaders(HeaderSettings config) {
        this.config = config;
    }

    /**
     * @param present   whether the response already has a header (case-insensitive)
     * @param suppressed lower-case names a resource switched off
     */
    public List<HeaderValue> select(Exchange exchange, Predicate<String> present, Set<String> suppressed) {
        List<HeaderValue> out = new ArrayList<>();
        for (HeaderValue h : config.always()) {
            add(out, h.name(), h.value(), present, suppressed);
        }
        if (exchange.secure()) {
            add(out, "Strict-Transport-Security", config.strictTransportSecurity(), present, suppressed);
        }
        if (exchange.authenticated() || exchange.problem()) {
            add(out, "Cache-Control", config.cacheControl(), present, suppressed);
        }
        return out;
    }

    /** The Cache-Control value a problem response must carry whatever was set before (null when switched off). */
    public String problemCacheControl() {
        return config.cacheControl();
    }

    private static void add(List<HeaderValue> out, String name, String value, Predicate<String> present,
                            Set<String> suppressed) {
        if (value != null && !present.test(name) && !suppressed.contains(name.toLowerCase(Locale.ROOT))) {
            out.add(new HeaderValue(name, value));
        }
    }
}
