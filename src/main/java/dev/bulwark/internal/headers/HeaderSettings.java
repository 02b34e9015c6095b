package dev.bulwark.internal.headers;

import java.util.List;

/**
 * The security headers written on every response (unless the application set the header itself), the HSTS
 * value for TLS responses, and the Cache-Control value for authenticated and problem responses. A null value
 * means switched off. {@code notOnJson} names the headers of {@code always} left out of JSON responses (the API
 * profile, {@code bulwark.headers.json-responses=api}, the default; empty with {@code all}). Responses below {@code uiPaths} (path
 * prefixes below the context root) get {@code uiContentSecurityPolicy} as their CSP.
 */
public record HeaderSettings(List<HeaderValue> always, String strictTransportSecurity, String cacheControl,
                             List<String> notOnJson, List<String> uiPaths, String uiContentSecurityPolicy) {
    public HeaderSettings {
        always = List.copyOf(always);
        notOnJson = List.copyOf(notOnJson);
        uiPaths = List.copyOf(uiPaths);
    }

    /** Settings without UI paths. */
    public HeaderSettings(List<HeaderValue> always, String strictTransportSecurity, String cacheControl,
                          List<String> notOnJson) {
        this(always, strictTransportSecurity, cacheControl, notOnJson, List.of(), null);
    }
}
