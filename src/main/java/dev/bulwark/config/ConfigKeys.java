package dev.bulwark.config;

import java.net.URI;
import java.util.List;

/** Every Bulwark setting. Adding a key here without documenting it in docs/configuration.md fails the build. */
public final class ConfigKeys {

    public static final Key<Boolean> ENABLED = new Key<>("bulwark.enabled", Parsers.bool(), "true",
            "Master switch. When false the extension logs one warning at start-up and installs no filter;"
                    + " the application runs unprotected.", "true");

    public static final Key<URI> ERRORS_TYPE_BASE = new Key<>("bulwark.errors.type-base-uri", Parsers.absoluteUri(),
            "urn:bulwark:problem:",
            "Prefix of the RFC 9457 `type` member for Bulwark's specific problem types (validation,"
                    + " malformed-body). Plain status errors use `about:blank`.",
            "https://api.example.com/problems/");

    public static final Key<ErrorLogLevel> ERRORS_CLIENT_LOG_LEVEL = new Key<>("bulwark.errors.client-log-level",
            Parsers.enumOf(ErrorLogLevel.class), "INFO",
            "Log level of the one server-side line written for each 4xx problem response (with its correlation id)."
                    + " 5xx are always logged at SEVERE with the full exception.",
            "FINE");

    public static final Key<Boolean> CORRELATION_TRUST_INCOMING = new Key<>("bulwark.correlation.trust-incoming",
            Parsers.bool(), "true",
            "Reuse the trace-id of a valid W3C `traceparent`, else a well-formed incoming request-id header,"
                    + " as the correlation id. When false every request gets a fresh random id.",
            "false");

    public static final Key<String> CORRELATION_HEADER = new Key<>("bulwark.correlation.header",
            Parsers.headerName(), "X-Request-Id",
            "Header read for an incoming request id and always written on the response with the correlation id.",
            "X-Correlation-Id");

    public static final Key<Boolean> INVENTORY_LOG = new Key<>("bulwark.inventory.log", Parsers.bool(), "true",
            "Log the endpoint inventory once as a table at start-up.", "false");

    public static final Key<Boolean> INVENTORY_ENDPOINT_ENABLED = new Key<>("bulwark.inventory.endpoint.enabled",
            Parsers.bool(), "false",
            "Serve the endpoint inventory as JSON. Off by default; when on, only callers in the admin role get it.",
            "true");

    public static final Key<String> INVENTORY_ENDPOINT_PATH = new Key<>("bulwark.inventory.endpoint.path",
            Parsers.path(), "/bulwark/inventory",
            "Path of the inventory endpoint, below the application's context root.", "/admin/inventory");

    public static final Key<String> INVENTORY_ENDPOINT_ROLE = new Key<>("bulwark.inventory.endpoint.role",
            Parsers.roleName(), "bulwark-admin",
            "Role (from the verified token's groups) required to read the inventory endpoint.", "ops-admin");

    public static final List<Key<?>> ALL = List.of(ENABLED, ERRORS_TYPE_BASE, ERRORS_CLIENT_LOG_LEVEL,
            CORRELATION_TRUST_INCOMING, CORRELATION_HEADER, INVENTORY_LOG, INVENTORY_ENDPOINT_ENABLED,
            INVENTORY_ENDPOINT_PATH, INVENTORY_ENDPOINT_ROLE);

    private ConfigKeys() {
    }
}
