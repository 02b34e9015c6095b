package dev.bulwark.internal.headers;

import java.util.List;

/**
 * The security headers written on every response (unless the application set the header itself), the HSTS
 * value for TLS responses, and the Cache-Control value for authenticated and problem responses. A null value
 * means switched off.
 */
public record HeaderSettings(List<HeaderValue> always, String strictTransportSecurity, String cacheControl) {
    public HeaderSettings {
        always = List.copyOf(always);
    }
}
