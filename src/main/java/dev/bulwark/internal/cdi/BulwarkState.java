package dev.bulwark.internal.cdi;

import dev.bulwark.internal.auth.JwtSettings;
import dev.bulwark.internal.ratelimit.FallbackStore;
import dev.bulwark.internal.ratelimit.RateLimitSettings;
import dev.bulwark.internal.ratelimit.RateLimitStoreKind;

/**
 * Bulwark's state for the readiness check ({@link BulwarkReadiness}).
 *
 * @param up             false only while a shared rate-limit store is unreachable and its fallback is REJECT
 * @param rateLimitStore {@code off}, {@code memory}, {@code redis}, {@code redis (not used yet)}, or
 *                       {@code local fallback (redis unreachable)}
 * @param jwks           {@code not used}, {@code local key}, {@code fetched} or {@code not fetched yet}
 * @param auditDropped   audit events dropped because the queue was full
 * @param observe        {@code off}, or {@code enforcement OFF for <controls>} ({@code bulwark.observe})
 */
public record BulwarkState(boolean up, String rateLimitStore, String jwks, long auditDropped, String observe) {

    /**
     * @param store       the deployment's rate-limit store once the limiter was made, else null
     * @param jwksFetched whether the remote keys were fetched (null: no token gate yet)
     */
    static BulwarkState of(RateLimitSettings rl, Object store, JwtSettings jwt, Boolean jwksFetched, long dropped,
                           dev.bulwark.internal.observe.ObserveSettings observe) {
        boolean up = true;
        String where;
        if (!rl.enabled()) {
            where = "off";
        } else if (rl.store() == RateLimitStoreKind.MEMORY) {
            where = "memory";
        } else if (store == null) {
            where = "redis (not used yet)";
        } else if (store instanceof FallbackStore f && f.degraded()) {
            where = "local fallback (redis unreachable)";
            up = rl.fallback() != FallbackStore.Mode.REJECT;
        } else {
            where = "redis";
        }
        String jwks = !jwt.inUse() ? "not used" : jwt.remoteKeys() == null ? "local key"
                : Boolean.TRUE.equals(jwksFetched) ? "fetched" : "not fetched yet";
        return new BulwarkState(up, where, jwks, dropped, !observe.any() ? "off"
                : "enforcement OFF for " + String.join(", ", observe.names()));
    }
}
