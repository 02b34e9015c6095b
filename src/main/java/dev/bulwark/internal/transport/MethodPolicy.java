package dev.bulwark.internal.transport;

import java.util.List;
import java.util.Locale;

/**
 * Method hygiene: only configured methods are served (TRACE, TRACK, CONNECT never). Method-override headers are
 * ignored unless enabled; when enabled they apply to POST only, and the effective method is what every later
 * control sees.
 */
public final class MethodPolicy {

    /** The method-override headers, all removed from the request unless overriding is enabled. */
    public static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override");

    /** The method the request is served as, and whether it may be served at all. */
    public record Decision(String effectiveMethod, boolean allowed) {
    }

    private final MethodSettings config;

    public MethodPolicy(MethodSettings config) {
        this.config = config;
    }

    public boolean overrideEnabled() {
        return config.allowOverride();
    }

    public String allowHeader() {
        return String.join(", ", config.allowed());
    }

    /** @param override the first method-override header value, or null */
    public Decision decide(String method, String override) {
        String effective = method;
        if (config.allowOverride() && "POST".equals(method) && override != null && !override.isBlank()) {
            effective = override.strip().toUpperCase(Locale.ROOT);
        }
        return new Decision(effective, config.allowed().contains(effective));
    }
}
