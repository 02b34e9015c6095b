package dev.bulwark.internal.ratelimit;

import dev.bulwark.api.RateLimit;

/** One limit in force on an endpoint: the policy, whom it counts, and the scope its counts belong to. */
public record Limit(RatePolicy policy, RateLimit.Key key, String scope,
                    Class<? extends dev.bulwark.api.RateLimitKeyResolver> resolver) {

    public Limit(RatePolicy policy, RateLimit.Key key, String scope) {
        this(policy, key, scope, null);
    }
}
