package dev.bulwark.internal.ratelimit.jaxrs;

import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.ratelimit.Limiter;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import dev.bulwark.internal.ratelimit.RateLimitSettings;
import java.util.function.Supplier;

/** The rate-limit part of a resource method's policy as a JAX-RS filter, when rate limiting is on. */
public final class RateLimitBinding implements Binding {

    private final RateLimitSettings config;
    private final Supplier<Limiter> limiter;

    /** @param limiter the deployment's one limiter, created on first use */
    public RateLimitBinding(RateLimitSettings config, Supplier<Limiter> limiter) {
        this.config = config;
        this.limiter = limiter;
    }

    @Override
    public void bind(EndpointPolicy policy, Registrar registrar) {
        RateLimitPolicy limits = policy.get(RateLimitPolicy.class);
        if (limits != null && config.enabled()) {
            registrar.register(new RateLimitFilter(limits, limiter.get(), config.headersOnSuccess()),
                    Phase.RATE_LIMIT);
        }
    }
}
