package dev.bulwark.internal.ratelimit;

import dev.bulwark.api.RateLimit;
import dev.bulwark.api.RateLimitKeyResolver;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.pipeline.PolicyResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * The rate-limit part of an endpoint's policy from its {@link RateLimit} annotations (the method's replace the
 * class's), else the configured defaults. Counts belong to the method (or the annotation's group), never to a raw
 * path. A rate that does not parse, or a CUSTOM key without a resolver, is a deployment problem.
 */
public final class RateLimitResolver implements PolicyResolver<RateLimitPolicy> {

    private final RatePolicy anonymous;
    private final RatePolicy authenticated;

    /**
     * @param anonymous     the default per client address ({@code bulwark.ratelimit.anonymous}), or null (off)
     * @param authenticated the default per subject ({@code bulwark.ratelimit.authenticated}), or null (off)
     */
    public RateLimitResolver(RatePolicy anonymous, RatePolicy authenticated) {
        this.anonymous = anonymous;
        this.authenticated = authenticated;
    }

    @Override
    public Class<RateLimitPolicy> part() {
        return RateLimitPolicy.class;
    }

    @Override
    public String label() {
        return "rate-limit";
    }

    @Override
    public RateLimitPolicy resolve(EndpointSite site, Problems problems) {
        List<RateLimit> found = site.annotations(RateLimit.class);
        // a resource method's counts are its resource class's; an intercepted method's are its declaring class's,
        // so the beans that inherit it share them, as the method is one
        String scope = site.intercepted() ? EndpointSite.name(site.method().getDeclaringClass(), site.method())
                : site.name();
        if (found.isEmpty()) {
            if (site.intercepted() || anonymous == null && authenticated == null) {
                return null;
            }
            return new RateLimitPolicy(null, anonymous == null ? null : new Limit(anonymous, RateLimit.Key.IP, scope),
                    authenticated == null ? null : new Limit(authenticated, RateLimit.Key.PRINCIPAL, scope));
        }
        List<Limit> limits = new ArrayList<>();
        for (RateLimit r : found) {
            RatePolicy policy;
            try {
                policy = RatePolicy.parse(r.name(), r.rate());
            } catch (IllegalArgumentException e) {
                problems.add(site, RateLimit.class, e.getMessage());
                continue;
            }
            if (policy == null) {
                problems.add(site, RateLimit.class, "rate '" + r.rate() + "' is not count/duration such as 100/1m");
                continue;
            }
            if (r.key() == RateLimit.Key.CUSTOM && r.resolver() == RateLimitKeyResolver.class) {
                problems.add(site, RateLimit.class, "key CUSTOM needs a resolver class");
                continue;
            }
            limits.add(new Limit(policy, r.key(), r.group().isEmpty() ? scope : "group:" + r.group(),
                    r.key() == RateLimit.Key.CUSTOM ? r.resolver() : null));
        }
        return new RateLimitPolicy(limits, null, null);
    }
}
