package dev.bulwark.internal.alerts;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.ratelimit.RateLimitStoreKind;
import java.time.Duration;

/**
 * The detectors' settings ({@code bulwark.alerts.*}).
 *
 * @param enabled             whether the detectors run
 * @param failuresPerAddress  401/403 answers per client address
 * @param failuresPerSubject  401/403 answers per verified subject
 * @param failuresTotal       401/403 answers across the deployment
 * @param rateLimited         429 answers per caller (subject, else address)
 * @param enumeration         ownership refusals and 404s on {@code @OwnedBy} endpoints per subject
 * @param tokenAddresses      distinct client addresses per token id ({@code jti})
 * @param exfiltrationFactor  how many times its baseline a subject's response bytes in one window must be; 0 when off
 * @param exfiltrationMinBytes the least response bytes in one window that can raise the alert
 * @param exfiltrationWindow  the window whose byte totals make the baseline
 * @param exfiltrationItemsFactor how many times its baseline a subject's response items in one window must be; 0
 *                            when off
 * @param exfiltrationMinItems the least response items in one window that can raise the alert
 * @param store               where the count detectors' windows live ({@link #shared})
 * @param maxKeys             the most keys (addresses, subjects, tokens) each detector remembers
 * @param maxAlertsPerWindow  the most alerts one detector raises per window (then one summary)
 * @param novelty             the new-access and admin-new-address detectors
 */
public record AlertSettings(boolean enabled, Threshold failuresPerAddress, Threshold failuresPerSubject,
                            Threshold failuresTotal, Threshold rateLimited, Threshold enumeration,
                            Threshold tokenAddresses, int exfiltrationFactor, long exfiltrationMinBytes,
                            Duration exfiltrationWindow, int exfiltrationItemsFactor, int exfiltrationMinItems,
                            AlertKeys.Store store, int maxKeys, int maxAlertsPerWindow,
                            NoveltySettings novelty) {

    /**
     * Whether the count windows live in the rate limiter's Redis: {@code SHARED}, or {@code AUTO} when the rate
     * limiter's store is Redis.
     */
    public boolean shared(RateLimitStoreKind rateLimitStore) {
        return store != AlertKeys.Store.MEMORY && rateLimitStore == RateLimitStoreKind.REDIS;
    }

    /**
     * The deployment problem of {@code bulwark.alerts.store=SHARED} without the rate limiter's Redis (there is no
     * connection to share), or null.
     */
    public ConfigProblem storeProblem(RateLimitStoreKind rateLimitStore) {
        return store == AlertKeys.Store.SHARED && rateLimitStore != RateLimitStoreKind.REDIS
                ? new ConfigProblem(AlertKeys.STORE.name(), "is SHARED but bulwark.ratelimit.store is not REDIS:"
                        + " the shared windows use the rate limiter's Redis connection",
                        "MEMORY or AUTO, or bulwark.ratelimit.store=REDIS")
                : null;
    }
}
