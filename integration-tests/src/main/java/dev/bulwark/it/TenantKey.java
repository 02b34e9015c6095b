package dev.bulwark.it;

import dev.bulwark.api.RateLimitKeyResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/** Counts per tenant (the X-Tenant header); requests without one count per client address. */
@ApplicationScoped
public class TenantKey implements RateLimitKeyResolver {

    @Override
    public String key(String clientAddress, String subject, Function<String, String> header) {
        String tenant = header.apply("X-Tenant");
        return tenant == null || !tenant.matches("[a-z0-9-]{1,32}") ? null : "tenant:" + tenant;
    }
}
