package dev.bulwark.internal.alerts;

import java.net.URI;
import java.time.Duration;

/**
 * The alert webhook's settings ({@code bulwark.alerts.webhook.*}).
 *
 * @param url            where each alert is POSTed, or null when the webhook is off
 * @param token          the bearer token sent with each POST as the deployment read it, or null (a rotated one is
 *                       followed through the secret files)
 * @param connectTimeout how long a connection may take
 * @param timeout        how long one POST may take, its answer included
 * @param queueSize      how many alerts may wait for the sender; beyond that they are dropped and counted
 * @param maxAttempts    how many times one alert is tried before it is dropped
 * @param backoff        the wait before the first retry (doubled for each next one, with jitter)
 * @param backoffMax     the longest wait between two attempts, a receiver's {@code Retry-After} included
 */
public record WebhookSettings(URI url, String token, Duration connectTimeout, Duration timeout, int queueSize,
                              int maxAttempts, Duration backoff, Duration backoffMax) {

    public boolean enabled() {
        return url != null;
    }

    /** {@code https://alerts.example.com:8443}: what may be logged of the URL (its path and query may be secret). */
    public String origin() {
        return url == null ? "" : url.getScheme() + "://" + url.getRawAuthority();
    }
}
