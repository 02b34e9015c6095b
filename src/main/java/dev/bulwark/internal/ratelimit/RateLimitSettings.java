package dev.bulwark.internal.ratelimit;

import dev.bulwark.internal.config.Cidr;
import java.time.Duration;
import java.util.List;

/**
 * Rate limiting: the default limits and the refusal budget per client address (null when off), the store
 * size, the API key header.
 *
 * @param refusedExempt client addresses never charged to the refusal budget (unless verified by a token)
 */
public record RateLimitSettings(boolean enabled, String anonymous, String authenticated, String refused,
                                List<Cidr> refusedExempt, int maxKeys, String apiKeyHeader, boolean headersOnSuccess,
                                RateLimitStoreKind store, String redisUrl, Duration redisTimeout,
                                FallbackStore.Mode fallback, String redisPrefix) {
    public RateLimitSettings {
        refusedExempt = List.copyOf(refusedExempt);
    }

    @Override
    public String toString() {
        // the Redis URL may carry a password
        return "RateLimitSettings[store=" + store + ", anonymous=" + anonymous + ", authenticated=" + authenticated
                + ", refused=" + refused + ", refusedExempt=" + refusedExempt + "]";
    }
}
