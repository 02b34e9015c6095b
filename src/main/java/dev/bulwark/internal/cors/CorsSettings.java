package dev.bulwark.internal.cors;

import java.time.Duration;
import java.util.List;

/** Which browser origins may call the API, with which methods and headers; CORS is off without origins. */
public record CorsSettings(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                           List<String> exposedHeaders, boolean allowCredentials, Duration maxAge) {
    public CorsSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
    }

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }
}
