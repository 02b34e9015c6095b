package dev.bulwark.internal.headers;

import java.util.List;

/**
 * The security headers written on every response (unless the application set the header itself), the HSTS
 * value for TLS responses, and the Cache-Control value for authenticated and problem responses. A null value
 * means switched off. {@code notOnJson} names the headers of {@code always} left out of JSON responses (the API
 * profile, {@code bulwark.headers.json-responses=api}; empty by default).
 */
public record HeaderSettings(List<HeaderValue> always, String strictTransportSecurity, String cacheControl,
                             List<String> notOnJson) {
    public HeaderSettings {
        always = List.copyOf(always);
        notOnJson = List.copyOf(notOnJson);
    }
}
