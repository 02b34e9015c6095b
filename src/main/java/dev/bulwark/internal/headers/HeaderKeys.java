package dev.bulwark.internal.headers;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys of the security response headers: each is {@code bulwark.headers.} followed by the header's name in
 * lower case, so the header names below are the one source of both.
 */
public final class HeaderKeys implements ConfigConcern<HeaderSettings> {

    private static final String PREFIX = "bulwark.headers.";

    public static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String X_CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String X_FRAME_OPTIONS = "X-Frame-Options";
    public static final String REFERRER_POLICY = "Referrer-Policy";
    public static final String CROSS_ORIGIN_OPENER_POLICY = "Cross-Origin-Opener-Policy";
    public static final String CROSS_ORIGIN_RESOURCE_POLICY = "Cross-Origin-Resource-Policy";
    public static final String PERMISSIONS_POLICY = "Permissions-Policy";
    public static final String X_PERMITTED_CROSS_DOMAIN_POLICIES = "X-Permitted-Cross-Domain-Policies";
    public static final String CACHE_CONTROL = "Cache-Control";

    public static final Key<String> HSTS = key(STRICT_TRANSPORT_SECURITY, Parsers.hsts(),
            "max-age=63072000; includeSubDomains",
            "On responses to requests that arrived over TLS. A max-age below one year fails the deployment.",
            "max-age=63072000; includeSubDomains; preload");

    public static final Key<String> CSP = key(CONTENT_SECURITY_POLICY, Parsers.headerValue(),
            "default-src 'none'; frame-ancestors 'none'", "For a JSON API nothing may load and nothing may frame it.",
            "default-src 'self'; frame-ancestors 'none'");

    public static final Key<String> NOSNIFF = key(X_CONTENT_TYPE_OPTIONS, Parsers.headerValueOneOf("nosniff"),
            "nosniff", "`" + X_CONTENT_TYPE_OPTIONS + "`.", "off");

    public static final Key<String> FRAME_OPTIONS = key(X_FRAME_OPTIONS,
            Parsers.headerValueOneOf("DENY", "SAMEORIGIN"), "DENY",
            "`" + X_FRAME_OPTIONS + "` (`ALLOW-FROM` is obsolete and refused).", "SAMEORIGIN");

    public static final Key<String> REFERRER = key(REFERRER_POLICY,
            Parsers.headerValueOneOf("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin",
                    "no-referrer-when-downgrade", "origin", "origin-when-cross-origin"),
            "no-referrer", "`" + REFERRER_POLICY + "`; `unsafe-url` is refused.", "strict-origin-when-cross-origin");

    public static final Key<String> COOP = key(CROSS_ORIGIN_OPENER_POLICY,
            Parsers.headerValueOneOf("same-origin", "same-origin-allow-popups", "noopener-allow-popups"),
            "same-origin", "`" + CROSS_ORIGIN_OPENER_POLICY + "`.", "same-origin-allow-popups");

    public static final Key<String> CORP = key(CROSS_ORIGIN_RESOURCE_POLICY,
            Parsers.headerValueOneOf("same-origin", "same-site", "cross-origin"), "same-origin",
            "`" + CROSS_ORIGIN_RESOURCE_POLICY + "`.", "same-site");

    public static final Key<String> PERMISSIONS = key(PERMISSIONS_POLICY, Parsers.headerValue(),
            "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(),"
                    + " geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(),"
                    + " picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(),"
                    + " usb=(), xr-spatial-tracking=()",
            "`" + PERMISSIONS_POLICY + "`: every powerful browser feature denied.", "camera=(), geolocation=()");

    public static final Key<String> CROSS_DOMAIN = key(X_PERMITTED_CROSS_DOMAIN_POLICIES,
            Parsers.headerValueOneOf("none", "master-only"), "none", "`" + X_PERMITTED_CROSS_DOMAIN_POLICIES + "`.",
            "off");

    public static final Key<String> CACHE = key(CACHE_CONTROL, Parsers.headerValue(), "no-store",
            "On responses to authenticated requests (an `Authorization` header or a principal), unless the "
                    + "application set its own, and on every problem response.",
            "no-store, max-age=0");

    /** The headers written on every response, in the order they are written, with their keys. */
    /** The headers that act only on a document a browser renders: the API profile leaves them out of JSON. */
    public static final List<String> DOCUMENT_ONLY = List.of(PERMISSIONS_POLICY, CROSS_ORIGIN_OPENER_POLICY,
            X_PERMITTED_CROSS_DOMAIN_POLICIES);

    public static final Key<String> JSON_RESPONSES = new Key<>("bulwark.headers.json-responses",
            Parsers.enumNames("all", "api"), "api",
            "`api` (the API profile): JSON responses (`application/json`, `application/*+json`, problems "
                    + "included) leave out `" + PERMISSIONS_POLICY + "`, `" + CROSS_ORIGIN_OPENER_POLICY + "` and `"
                    + X_PERMITTED_CROSS_DOMAIN_POLICIES + "`, which act only on documents a browser renders (about "
                    + "400 bytes a response); every other response gets them. `all`: every header above on every "
                    + "response. See "
                    + "[headers.md](headers.md#what-the-headers-cost-and-the-api-profile-for-json-responses).",
            "all");

    public static final Key<List<String>> UI_PATHS = new Key<>("bulwark.headers.ui-paths",
            Parsers.listOf(Parsers.path(), "paths"), "",
            "Path prefixes (below the context root) of a browser UI the application serves itself, such as a Swagger "
                    + "UI in its WAR: their responses get `bulwark.headers.ui-content-security-policy` instead of "
                    + "the API's `Content-Security-Policy` (every other header stays). Matched against the path the "
                    + "container resolved, so `/ui/..;/api/x` is not a UI path. See "
                    + "[openapi.md](openapi.md#the-document-and-ui-endpoints).",
            "/openapi/ui, /swagger-ui");

    public static final Key<String> UI_CSP = new Key<>("bulwark.headers.ui-content-security-policy",
            Parsers.headerValue(), "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "The `Content-Security-Policy` of `bulwark.headers.ui-paths`: what Swagger UI needs (its scripts, "
                    + "styles and images from the application itself, inline styles, `data:` icons, the document "
                    + "fetched from the same origin), nothing from elsewhere, never framed.",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");

    private static final List<Map.Entry<String, Key<String>>> ALWAYS = List.of(
            Map.entry(CONTENT_SECURITY_POLICY, CSP), Map.entry(X_CONTENT_TYPE_OPTIONS, NOSNIFF),
            Map.entry(X_FRAME_OPTIONS, FRAME_OPTIONS), Map.entry(REFERRER_POLICY, REFERRER),
            Map.entry(CROSS_ORIGIN_OPENER_POLICY, COOP), Map.entry(CROSS_ORIGIN_RESOURCE_POLICY, CORP),
            Map.entry(PERMISSIONS_POLICY, PERMISSIONS), Map.entry(X_PERMITTED_CROSS_DOMAIN_POLICIES, CROSS_DOMAIN));

    public static final HeaderKeys CONCERN = new HeaderKeys();

    /**
     * The configuration key of each header a resource may override (the always-on set and Cache-Control), by
     * lower-case header name: a
     * {@code @SecurityHeader} value passes the same check as the key's, so what fails a deployment as configuration
     * fails it as an annotation.
     */
    static final Map<String, Key<String>> BY_HEADER = java.util.stream.Stream.concat(ALWAYS.stream(),
                    java.util.stream.Stream.of(Map.entry(CACHE_CONTROL, CACHE)))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(h -> h.getKey().toLowerCase(Locale.ROOT),
                    Map.Entry::getValue));

    private HeaderKeys() {
    }

    private static Key<String> key(String header, ValueParser<String> parser, String defaultValue,
                                   String description, String example) {
        return new Key<>(PREFIX + header.toLowerCase(Locale.ROOT), parser, defaultValue, description, example);
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(HSTS, CSP, NOSNIFF, FRAME_OPTIONS, REFERRER, COOP, CORP, PERMISSIONS, CROSS_DOMAIN, CACHE,
                JSON_RESPONSES, UI_PATHS, UI_CSP);
    }

    @Override
    public HeaderSettings read(ConfigReader reader) {
        List<HeaderValue> always = new ArrayList<>();
        for (Map.Entry<String, Key<String>> header : ALWAYS) {
            String value = reader.get(header.getValue());
            if (value != null) {
                always.add(new HeaderValue(header.getKey(), value));
            }
        }
        return new HeaderSettings(always, reader.get(HSTS), reader.get(CACHE),
                reader.get(JSON_RESPONSES).equals("api") ? DOCUMENT_ONLY : List.of(), reader.get(UI_PATHS),
                reader.get(UI_CSP));
    }
}
