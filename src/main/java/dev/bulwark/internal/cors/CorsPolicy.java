package dev.bulwark.internal.cors;

import dev.bulwark.internal.headers.HeaderValue;
import dev.bulwark.internal.logging.SafeLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS by exact allow-list. An origin is allowed only if it is listed character for character (or the list is
 * the single {@code *}, answered with a literal {@code *}, never with the caller's origin); {@code null} is never
 * allowed. A preflight that asks for anything not configured is refused without any Access-Control-Allow-*
 * header. Every response of a CORS-enabled application varies on Origin.
 */
public final class CorsPolicy {

    public enum Kind {
        /** Not a CORS matter, or CORS is off: nothing to add. */
        NONE,
        /** A preflight that is answered here with 204 and the returned headers. */
        PREFLIGHT_ALLOWED,
        /** A preflight that is refused with 403; the returned headers carry no Access-Control-Allow-*. */
        PREFLIGHT_REFUSED,
        /** A cross-origin request that goes on to the application, with the returned headers added. */
        ACTUAL
    }

    /**
     * @param refusal for {@link Kind#PREFLIGHT_REFUSED} only: which origin, method or header failed and which key
     *                would allow it (client text escaped and cut short, for the server log, never for the client)
     */
    public record Decision(Kind kind, List<HeaderValue> headers, String refusal) {
        public Decision {
            headers = List.copyOf(headers);
        }

        Decision(Kind kind, List<HeaderValue> headers) {
            this(kind, headers, null);
        }
    }

    private final CorsSettings config;
    private final boolean wildcard;
    private final Set<String> allowedHeadersLower = new HashSet<>();

    public CorsPolicy(CorsSettings config) {
        this.config = config;
        this.wildcard = config.allowedOrigins().equals(List.of("*"));
        for (String h : config.allowedHeaders()) {
            allowedHeadersLower.add(h.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * @param method                the request method
     * @param origin                the Origin header, or null
     * @param requestMethod         Access-Control-Request-Method, or null
     * @param requestHeaders        Access-Control-Request-Headers, or null
     */
    public Decision decide(String method, String origin, String requestMethod, String requestHeaders) {
        boolean preflight = "OPTIONS".equals(method) && origin != null && requestMethod != null;
        if (!config.enabled()) {
            return preflight ? new Decision(Kind.PREFLIGHT_REFUSED, List.of(), "origin " + quoted(origin)
                    + " refused: CORS is off (" + CorsKeys.ORIGINS.name() + " is empty)")
                    : new Decision(Kind.NONE, List.of());
        }
        List<HeaderValue> headers = new ArrayList<>();
        if (origin == null) {
            headers.add(new HeaderValue("Vary", "Origin"));
            return new Decision(Kind.NONE, headers);
        }
        boolean allowedOrigin = isAllowed(origin);
        if (preflight) {
            headers.add(new HeaderValue("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
            String refusal = preflightRefusal(origin, allowedOrigin, requestMethod, requestHeaders);
            if (refusal != null) {
                return new Decision(Kind.PREFLIGHT_REFUSED, headers, refusal);
            }
            headers.add(allowOrigin(origin));
            headers.add(new HeaderValue("Access-Control-Allow-Methods", String.join(", ", config.allowedMethods())));
            if (!config.allowedHeaders().isEmpty()) {
                headers.add(new HeaderValue("Access-Control-Allow-Headers", String.join(", ", config.allowedHeaders())));
            }
            headers.add(new HeaderValue("Access-Control-Max-Age", Long.toString(config.maxAge().toSeconds())));
            credentials(headers);
            return new Decision(Kind.PREFLIGHT_ALLOWED, headers);
        }
        headers.add(new HeaderValue("Vary", "Origin"));
        if (allowedOrigin) {
            headers.add(allowOrigin(origin));
            credentials(headers);
            if (!config.exposedHeaders().isEmpty()) {
                headers.add(new HeaderValue("Access-Control-Expose-Headers", String.join(", ", config.exposedHeaders())));
            }
        }
        return new Decision(Kind.ACTUAL, headers);
    }

    private boolean isAllowed(String origin) {
        if (origin.equalsIgnoreCase("null")) {
            return false;
        }
        return wildcard || config.allowedOrigins().contains(origin);
    }

    private HeaderValue allowOrigin(String origin) {
        return new HeaderValue("Access-Control-Allow-Origin", wildcard ? "*" : origin);
    }

    private void credentials(List<HeaderValue> headers) {
        if (config.allowCredentials() && !wildcard) {
            headers.add(new HeaderValue("Access-Control-Allow-Credentials", "true"));
        }
    }

    /** Why a preflight is refused (the first thing that fails), or null when it is allowed. */
    private String preflightRefusal(String origin, boolean allowedOrigin, String requestMethod, String requestHeaders) {
        if (!allowedOrigin) {
            return origin.equalsIgnoreCase("null") ? "origin 'null' is never allowed"
                    : "origin " + quoted(origin) + " is not in " + CorsKeys.ORIGINS.name();
        }
        if (!config.allowedMethods().contains(requestMethod)) {
            return "method " + quoted(requestMethod) + " is not in " + CorsKeys.METHODS.name();
        }
        String header = firstDisallowedHeader(requestHeaders);
        return header == null ? null : "header " + quoted(header) + " is not in " + CorsKeys.HEADERS.name();
    }

    /** The first requested header name that is not allowed, or null. */
    private String firstDisallowedHeader(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        for (String h : requested.split(",")) {
            String name = h.strip();
            if (!name.isEmpty() && !allowedHeadersLower.contains(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }

    /** Client text for the log line: escaped, cut short so that the key name after it always fits. */
    private static String quoted(String clientText) {
        return "'" + SafeLog.printable(clientText, 100) + "'";
    }
}
