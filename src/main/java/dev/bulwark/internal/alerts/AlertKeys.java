package dev.bulwark.internal.alerts;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The keys of the anomaly detectors ({@code bulwark.alerts.*}); docs/audit.md explains each detector. */
public final class AlertKeys implements ConfigConcern<AlertSettings> {

    public static final Key<Boolean> ENABLED = new Key<>("bulwark.alerts.enabled", Parsers.bool(), "true",
            "Run the anomaly detectors over every request (on the audit writer's thread, never the request's). An"
                    + " alert is a `SecurityAlert` CDI event, a WARNING line in ECS, and"
                    + " `bulwark_alerts_total{detector}`; at most one per detector, key and window.",
            "false");

    public static final Key<Threshold> FAILURES_PER_ADDRESS = new Key<>("bulwark.alerts.auth-failures.per-address",
            Threshold.parser(), "20/1m",
            "401 and 403 answers to one client address (trusted-proxy aware) within the sliding window: credential"
                    + " stuffing or token spraying from one source. `off` switches the detector off.",
            "10/1m");

    public static final Key<Threshold> FAILURES_PER_SUBJECT = new Key<>("bulwark.alerts.auth-failures.per-subject",
            Threshold.parser(), "20/1m",
            "401 and 403 answers to one verified subject within the sliding window.",
            "10/1m");

    public static final Key<Threshold> FAILURES_TOTAL = new Key<>("bulwark.alerts.auth-failures.total",
            Threshold.parser(), "500/1m",
            "401 and 403 answers across the application within the sliding window: a run spread over many"
                    + " addresses.",
            "2000/5m");

    public static final Key<Threshold> RATE_LIMITED = new Key<>("bulwark.alerts.rate-limited.per-caller",
            Threshold.parser(), "50/1m",
            "429 answers to one caller (its verified subject, else its client address) within the sliding window.",
            "100/1m");

    public static final Key<Threshold> ENUMERATION = new Key<>("bulwark.alerts.enumeration.per-subject",
            Threshold.parser(), "10/1m",
            "Object-id enumeration: `@OwnedBy` refusals and 404 answers of `@OwnedBy` endpoints to one subject (else"
                    + " client address) within the sliding window.",
            "5/1m");

    public static final Key<Threshold> TOKEN_ADDRESSES = new Key<>("bulwark.alerts.token.addresses",
            Threshold.parser(), "5/10m",
            "Distinct client addresses one token (its `jti`) is used from within the sliding window: a stolen token"
                    + " replayed from elsewhere. Tokens without a `jti` are not tracked.",
            "3/10m");

    public static final Key<Integer> EXFILTRATION_FACTOR = new Key<>("bulwark.alerts.exfiltration.factor",
            Parsers.intRange(0, 1000), "10",
            "Data exfiltration: a subject's response bytes in one window (`bulwark.alerts.exfiltration.window`)"
                    + " reaching this many times its own baseline (the moving average of its earlier windows, after"
                    + " three of them) and at least `bulwark.alerts.exfiltration.min-kib`. 0 switches it off.",
            "20");

    public static final Key<Integer> EXFILTRATION_MIN_KIB = new Key<>("bulwark.alerts.exfiltration.min-kib",
            Parsers.intRange(1, 100_000_000), "10240",
            "The least response size, in KiB within one window, that can raise the exfiltration alert (default"
                    + " 10 MiB): small subjects growing tenfold are not exfiltration.",
            "51200");

    public static final Key<Duration> EXFILTRATION_WINDOW = new Key<>("bulwark.alerts.exfiltration.window",
            Parsers.duration(Duration.ofSeconds(1), Duration.ofDays(1)), "5m",
            "The window of the exfiltration detector's byte totals.",
            "15m");

    public static final Key<Integer> EXFILTRATION_ITEMS_FACTOR = new Key<>(
            "bulwark.alerts.exfiltration.items-factor", Parsers.intRange(0, 1000), "10",
            "Data exfiltration by items: a subject's response items in one window (the elements of a JSON array"
                    + " Bulwark writes, or of the array members of a top-level object such as a page) reaching this"
                    + " many times its own baseline (as for bytes) and at least"
                    + " `bulwark.alerts.exfiltration.min-items`: a dump of small records that bytes alone miss."
                    + " 0 switches it off.",
            "20");

    public static final Key<Integer> EXFILTRATION_MIN_ITEMS = new Key<>("bulwark.alerts.exfiltration.min-items",
            Parsers.intRange(1, 1_000_000_000), "1000",
            "The least response items within one window that can raise the exfiltration alert by items.",
            "5000");

    public static final Key<Store> STORE = new Key<>("bulwark.alerts.store", Parsers.enumOf(Store.class), "AUTO",
            "Where the count detectors' windows live (auth failures by address, subject and in total, 429 storms,"
                    + " id enumeration, one token from many addresses): `MEMORY` (each server counts its own"
                    + " requests), `SHARED` (in the Redis of `bulwark.ratelimit.store=REDIS`, through its"
                    + " connection: the servers' requests count together, one alert across them), `AUTO` (`SHARED`"
                    + " when the rate limiter's store is `REDIS`, else `MEMORY`). The novelty and exfiltration"
                    + " detectors stay per server.",
            "MEMORY");

    public static final Key<Integer> MAX_KEYS = new Key<>("bulwark.alerts.max-keys", Parsers.intRange(100, 1_000_000),
            "10000",
            "The most keys (client addresses, subjects, token ids) each detector remembers; under a flood of keys the"
                    + " least recently seen are forgotten, so memory stays bounded.",
            "50000");

    public static final Key<Integer> MAX_ALERTS_PER_WINDOW = new Key<>("bulwark.alerts.max-alerts-per-window",
            Parsers.intRange(1, 100_000), "20",
            "The most alerts one detector raises within its window (the window of its threshold; for the novelty"
                    + " detectors their `window`), whatever its keys: an attacker choosing the keys (an address per"
                    + " /64 it controls) cannot flood the log and the webhook. Beyond it the keys are still counted;"
                    + " the suppressed alerts are counted in `bulwark_alerts_suppressed_total{detector}`, and the"
                    + " first request after the window raises one `alerts-suppressed` alert saying how many.",
            "100");

    public static final Key<List<String>> PRIVILEGED_ROLES = new Key<>("bulwark.alerts.privileged-roles",
            Parsers.listOf(Parsers.roleName(), "role names"), "admin",
            "The roles that make a call privileged for the new-access and admin-new-address detectors: a successful"
                    + " call of an endpoint whose `@RolesAllowed` names one of them, made with that role (the"
                    + " verified token's `groups` hold it; a caller the container authenticated, when every role of"
                    + " the endpoint is one of them). Empty: no call is privileged.",
            "admin, ops, billing-admin");

    public static final Key<NoveltySettings.NewAccessScope> NEW_ACCESS = new Key<>("bulwark.alerts.new-access",
            Parsers.enumOf(NoveltySettings.NewAccessScope.class), "PRIVILEGED",
            "A subject with an established history reaching a route or role it never used: `PRIVILEGED` watches the"
                    + " privileged calls only (`bulwark.alerts.privileged-roles`; an ordinary user trying a new"
                    + " feature is no alert), `ALL` every route and role, `OFF` switches the detector off.",
            "ALL");

    public static final Key<Duration> NEW_ACCESS_LEARNING = new Key<>("bulwark.alerts.new-access.learning",
            Parsers.duration(Duration.ofSeconds(1), Duration.ofDays(365)), "7d",
            "How long after its first successful call (on this server) a subject's routes and roles are only learnt:"
                    + " a new subject never alerts. A week covers the weekly jobs and reports; the history is in"
                    + " memory, so a server restarted more often than this never alerts: shorten it there.",
            "1d");

    public static final Key<Integer> NEW_ACCESS_MAX_ROUTES = new Key<>("bulwark.alerts.new-access.max-routes",
            Parsers.intRange(10, 10_000), "50",
            "The most routes (and, apart, roles) remembered per subject, the least recently used forgotten first: a"
                    + " forgotten one is new again. Keep it above the number of watched routes one subject uses.",
            "200");

    public static final Key<Duration> NEW_ACCESS_WINDOW = new Key<>("bulwark.alerts.new-access.window",
            Parsers.duration(Duration.ofSeconds(1), Duration.ofDays(1)), "1h",
            "At most one new-access alert per subject within this window: the routes and roles it reaches meanwhile"
                    + " are learnt without another alert.",
            "15m");

    public static final Key<Boolean> ADMIN_ADDRESS = new Key<>("bulwark.alerts.admin-address.enabled",
            Parsers.bool(), "true",
            "Alert on a privileged call (`bulwark.alerts.privileged-roles`) from a client address (an IPv6 client's"
                    + " /64) the subject has not made one from within `bulwark.alerts.admin-address.memory`.",
            "false");

    public static final Key<Duration> ADMIN_ADDRESS_MEMORY = new Key<>("bulwark.alerts.admin-address.memory",
            Parsers.duration(Duration.ofMinutes(1), Duration.ofDays(365)), "30d",
            "How long an address a subject made a privileged call from stays known: one unused for longer is new"
                    + " again.",
            "90d");

    public static final Key<Duration> ADMIN_ADDRESS_LEARNING = new Key<>("bulwark.alerts.admin-address.learning",
            Parsers.duration(Duration.ZERO, Duration.ofDays(365)), "1d",
            "How long after a subject's first privileged call (on this server) its addresses are only learnt: the"
                    + " office, home and VPN addresses of a working day. `0s`: only the very first call is exempt.",
            "0s");

    public static final Key<Integer> ADMIN_ADDRESS_MAX = new Key<>("bulwark.alerts.admin-address.max-addresses",
            Parsers.intRange(2, 1000), "20",
            "The most addresses remembered per subject, the least recently used forgotten first.",
            "50");

    public static final Key<Duration> ADMIN_ADDRESS_WINDOW = new Key<>("bulwark.alerts.admin-address.window",
            Parsers.duration(Duration.ofSeconds(1), Duration.ofDays(1)), "1h",
            "At most one admin-new-address alert per subject within this window: the addresses it uses meanwhile"
                    + " are learnt without another alert.",
            "15m");

    public static final AlertKeys CONCERN = new AlertKeys();

    /** The values of {@link #STORE}. */
    public enum Store {
        /** Shared when the rate limiter's store is Redis, else in memory. */
        AUTO,
        /** In this server's memory. */
        MEMORY,
        /** In the rate limiter's Redis. */
        SHARED
    }

    private AlertKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ENABLED, FAILURES_PER_ADDRESS, FAILURES_PER_SUBJECT, FAILURES_TOTAL, RATE_LIMITED,
                ENUMERATION, TOKEN_ADDRESSES, EXFILTRATION_FACTOR, EXFILTRATION_MIN_KIB, EXFILTRATION_WINDOW,
                EXFILTRATION_ITEMS_FACTOR, EXFILTRATION_MIN_ITEMS, STORE, MAX_KEYS, MAX_ALERTS_PER_WINDOW, PRIVILEGED_ROLES, NEW_ACCESS, NEW_ACCESS_LEARNING, NEW_ACCESS_MAX_ROUTES, NEW_ACCESS_WINDOW,
                ADMIN_ADDRESS, ADMIN_ADDRESS_MEMORY, ADMIN_ADDRESS_LEARNING, ADMIN_ADDRESS_MAX, ADMIN_ADDRESS_WINDOW);
    }

    @Override
    public AlertSettings read(ConfigReader reader) {
        return new AlertSettings(reader.get(ENABLED), reader.get(FAILURES_PER_ADDRESS),
                reader.get(FAILURES_PER_SUBJECT), reader.get(FAILURES_TOTAL), reader.get(RATE_LIMITED),
                reader.get(ENUMERATION), reader.get(TOKEN_ADDRESSES), reader.get(EXFILTRATION_FACTOR),
                reader.get(EXFILTRATION_MIN_KIB) * 1024L, reader.get(EXFILTRATION_WINDOW),
                reader.get(EXFILTRATION_ITEMS_FACTOR), reader.get(EXFILTRATION_MIN_ITEMS), reader.get(STORE),
                reader.get(MAX_KEYS), reader.get(MAX_ALERTS_PER_WINDOW),
                new NoveltySettings(Set.copyOf(reader.get(PRIVILEGED_ROLES)), reader.get(NEW_ACCESS),
                        reader.get(NEW_ACCESS_LEARNING), reader.get(NEW_ACCESS_MAX_ROUTES),
                        reader.get(NEW_ACCESS_WINDOW), reader.get(ADMIN_ADDRESS), reader.get(ADMIN_ADDRESS_MEMORY),
                        reader.get(ADMIN_ADDRESS_LEARNING), reader.get(ADMIN_ADDRESS_MAX),
                        reader.get(ADMIN_ADDRESS_WINDOW)));
    }
}
