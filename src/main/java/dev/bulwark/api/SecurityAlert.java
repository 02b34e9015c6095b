package dev.bulwark.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An anomaly one of Bulwark's detectors found in the deployment's traffic, fired as a CDI event (observe it with
 * {@code void on(@Observes SecurityAlert alert)}; the observer runs on Bulwark's audit thread, so it should be quick
 * or hand the alert on). It is also written as a WARNING line in Elastic Common Schema, counted in
 * {@code bulwark_alerts_total{detector}}, and POSTed to the alert webhook when one is configured. Each detector raises at most one alert per key and window (with windows shared through Redis,
 * {@code bulwark.alerts.store}, one across the servers), and
 * at most {@code bulwark.alerts.max-alerts-per-window} per window in all (then one {@link Detector#ALERTS_SUPPRESSED}
 * summary): no alert storms, even from an attacker choosing its keys (its addresses).
 *
 * @param detector      what was detected
 * @param key           what the detector counted by: a client address (an IPv6 client's /64, such as
 *                      {@code 2001:db8:1:2::/64}), a subject, a token id ({@code jti}), or {@code *} for the whole
 *                      deployment
 * @param observed      what was counted (requests, distinct addresses, response bytes or response items) when the
 *                      threshold was met; with windows shared by several servers, the count across them;
 *                      1 for a novelty ({@link Detector#NEW_ACCESS}, {@link Detector#ADMIN_NEW_ADDRESS})
 * @param threshold     the configured threshold it met (1 for a novelty)
 * @param window        the sliding window the count covers; for a novelty, the learning period
 *                      ({@code NEW_ACCESS}) or how long an address stays known ({@code ADMIN_NEW_ADDRESS})
 * @param at            when the alert was raised (the time of the request that met the threshold)
 * @param clientAddress the client address of that request (trusted-proxy aware), or null
 * @param subject       the verified subject of that request, or null
 * @param route         the route template of that request, or null when none matched
 * @param correlationId that request's correlation id
 */
public record SecurityAlert(Detector detector, String key, long observed, long threshold, Duration window,
                            Instant at, String clientAddress, String subject, String route, String correlationId) {

    public SecurityAlert {
        Objects.requireNonNull(detector);
        Objects.requireNonNull(key);
        Objects.requireNonNull(window);
        Objects.requireNonNull(at);
    }

    /** The detectors, each with its own keys under {@code bulwark.alerts.*} (docs/audit.md). */
    public enum Detector {
        /** 401 and 403 answers to one client address: credential stuffing, token spraying from one source. */
        AUTH_FAILURES_BY_ADDRESS,
        /** 401 and 403 answers to one verified subject: a token probing what it may not do. */
        AUTH_FAILURES_BY_SUBJECT,
        /** 401 and 403 answers across the deployment: a distributed stuffing or spraying run. */
        AUTH_FAILURES_TOTAL,
        /** 429 answers to one caller (its subject, else its address): a client hammering past its limits. */
        RATE_LIMITED,
        /** Ownership refusals and 404s on {@code @OwnedBy} endpoints for one subject: object-id enumeration. */
        OBJECT_ENUMERATION,
        /** One token ({@code jti}) used from many client addresses: a stolen, replayed token. */
        TOKEN_MANY_ADDRESSES,
        /** Response bytes to one subject far above its own recent baseline: data exfiltration. */
        EXFILTRATION,
        /**
         * Response items (the elements of the JSON arrays Bulwark writes) to one subject far above its own recent
         * baseline: a dump of many small records. Observed and threshold are items.
         */
        EXFILTRATION_ITEMS,
        /**
         * A subject with an established history reaching a (privileged) route or role it never used: a stolen or
         * escalated identity exploring. The key is the subject; the route is the alert's route.
         */
        NEW_ACCESS,
        /**
         * A privileged call from a client address (an IPv6 client's /64) the subject has not used for one recently:
         * an admin's token or session used from somewhere else. The key is the subject; the address is the alert's.
         */
        ADMIN_NEW_ADDRESS,
        /**
         * A detector raised the most alerts it may within its window ({@code bulwark.alerts.max-alerts-per-window}):
         * one summary per detector and window, raised with the first request after the window. The key is that
         * detector's name ({@code auth-failures-by-address}), {@code observed} how many of its alerts were suppressed,
         * {@code threshold} the cap, {@code window} the detector's window; the address, subject, route and
         * correlation id are those of the last suppressed alert.
         */
        ALERTS_SUPPRESSED
    }
}
