package dev.bulwark.jaxrs;

import dev.bulwark.api.RateLimit;
import dev.bulwark.ratelimit.EndpointLimits;
import dev.bulwark.ratelimit.Limit;
import dev.bulwark.ratelimit.Limiter;
import dev.bulwark.ratelimit.RateLimitSettings;
import dev.bulwark.ratelimit.RatePolicy;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;

/** Binds a {@link RateLimitFilter} with the endpoint's limits (its annotations, else the defaults) to every method. */
final class RateLimitFeature implements DynamicFeature {

    private final RateLimitSettings config;
    private final Limiter limiter;

    RateLimitFeature(RateLimitSettings config, Limiter limiter) {
        this.config = config;
        this.limiter = limiter;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Class<?> resource = resourceInfo.getResourceClass();
        String endpoint = resource.getName() + "#" + resourceInfo.getResourceMethod().getName();
        List<Limit> annotated = EndpointLimits.annotated(resource, resourceInfo.getResourceMethod());
        Limit anonymous = config.anonymous() == null ? null
                : new Limit(RatePolicy.parse("default", config.anonymous()), RateLimit.Key.IP, endpoint);
        Limit authenticated = config.authenticated() == null ? null
                : new Limit(RatePolicy.parse("default", config.authenticated()), RateLimit.Key.PRINCIPAL, endpoint);
        context.register(new RateLimitFilter(annotated, anonymous, authenticated, limiter, config.headersOnSuccess()));
    }
}
