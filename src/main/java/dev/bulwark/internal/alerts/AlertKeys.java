package dev.bulwark.internal.alerts;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.time.Duration;
import java.util.List;

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

    public static final Key<Integer> MAX_KEYS = new Key<>("bulwark.alerts.max-keys", Parsers.intRange(100, 1_000_000),
            "10000",
            "The most keys (client addresses, subjects, token ids) each detector remembers; under a flood of keys the"
                    + " least recently seen are forgotten, so memory stays bounded.",
            "50000");

    public static final AlertKeys CONCERN = new AlertKeys();

    private AlertKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ENABLED, FAILURES_PER_ADDRESS, FAILURES_PER_SUBJECT, FAILURES_TOTAL, RATE_LIMITED,
                ENUMERATION, TOKEN_ADDRESSES, EXFILTRATION_FACTOR, EXFILTRATION_MIN_KIB, EXFILTRATION_WINDOW,
                MAX_KEYS);
    }

    @Override
    public AlertSettings read(ConfigReader reader) {
        return new AlertSettings(reader.get(ENABLED), reader.get(FAILURES_PER_ADDRESS),
                reader.get(FAILURES_PER_SUBJECT), reader.get(FAILURES_TOTAL), reader.get(RATE_LIMITED),
                reader.get(ENUMERATION), reader.get(TOKEN_ADDRESSES), reader.get(EXFILTRATION_FACTOR),
                reader.get(EXFILTRATION_MIN_KIB) * 1024L, reader.get(EXFILTRATION_WINDOW), reader.get(MAX_KEYS));
    }
}
