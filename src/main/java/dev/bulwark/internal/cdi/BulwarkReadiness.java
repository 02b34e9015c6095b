package dev.bulwark.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Bulwark's state in MicroProfile Health's readiness ({@code /health/ready}, check {@code bulwark-<context root>}):
 * where the rate-limit counts live (memory, Redis, or the local fallback while Redis is unreachable), whether the
 * identity provider's keys were fetched, how many audit events were dropped, and which controls only observe
 * ({@code bulwark.observe}: their enforcement is off). DOWN only while Redis is
 * unreachable with {@code bulwark.ratelimit.redis.fallback=REJECT} (the application then answers 503 to limited
 * endpoints). Added to the deployment by the extension only when the server has the Health API.
 */
@Readiness
@ApplicationScoped
public class BulwarkReadiness implements HealthCheck {

    @Inject
    BulwarkExtension extension;

    @Override
    public HealthCheckResponse call() {
        BulwarkState state = extension.state();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("bulwark").status(state.up());
        data(state).forEach(b::withData);
        return b.build();
    }

    /** The check's data, in a stable order. */
    static Map<String, String> data(BulwarkState state) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("rate-limit-store", state.rateLimitStore());
        data.put("jwks", state.jwks());
        data.put("audit-events-dropped", Long.toString(state.auditDropped()));
        data.put("observe", state.observe());
        return data;
    }
}
