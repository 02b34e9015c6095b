package dev.bulwark.internal.alerts;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import dev.bulwark.internal.text.TextChecks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The keys of the alert webhook ({@code bulwark.alerts.webhook.*}); docs/audit.md explains it. */
public final class WebhookKeys implements ConfigConcern<WebhookSettings> {

    private static final String PREFIX = "bulwark.alerts.webhook.";

    public static final Key<URI> URL = new Key<>(PREFIX + "url", url(), null,
            "POST each alert (the JSON of its WARNING line) to this URL, from one background thread through a bounded"
                    + " queue, with retries (docs/audit.md#the-alert-webhook). `https` is required, except to a"
                    + " loopback host (`localhost`, `127.0.0.0/8`, `[::1]`: a local agent). Unset: no webhook. Needs"
                    + " `bulwark.alerts.enabled`.",
            "https://alerts.example.com/hooks/bulwark");

    public static final Key<String> TOKEN = new Key<>(PREFIX + "token", token(), null,
            "Sent with each POST as `Authorization: Bearer <token>`. Give it through the secret files"
                    + " ([secrets.md](secrets.md)) or the environment, not the packaged configuration: a token"
                    + " rotated in the secret files is used from the next POST on, without a restart. Never logged.",
            "${ALERT_WEBHOOK_TOKEN}");

    public static final Key<Duration> CONNECT_TIMEOUT = new Key<>(PREFIX + "connect-timeout",
            Parsers.duration(Duration.ofMillis(100), Duration.ofMinutes(1)), "2s",
            "How long connecting to the webhook may take; a timeout is retried.",
            "5s");

    public static final Key<Duration> TIMEOUT = new Key<>(PREFIX + "timeout",
            Parsers.duration(Duration.ofMillis(100), Duration.ofMinutes(5)), "5s",
            "How long one POST may take, until the receiver's answer; a timeout is retried.",
            "10s");

    public static final Key<Integer> QUEUE_SIZE = new Key<>(PREFIX + "queue-size", Parsers.intRange(1, 100_000),
            "1000",
            "Alerts that may wait for the sender (while the receiver is slow or down). When it is full, further"
                    + " alerts are dropped, never waited for: counted in `bulwark_alerts_webhook_dropped_total` and"
                    + " reported in one WARNING line at most once a minute.",
            "10000");

    public static final Key<Integer> MAX_ATTEMPTS = new Key<>(PREFIX + "max-attempts", Parsers.intRange(1, 50), "6",
            "How many times one alert is POSTed before it is dropped: network errors, timeouts, 429 and 5xx answers"
                    + " are retried; any other answer (a 4xx: the receiver refuses it) is not.",
            "10");

    public static final Key<Duration> BACKOFF = new Key<>(PREFIX + "backoff",
            Parsers.duration(Duration.ofMillis(10), Duration.ofMinutes(10)), "1s",
            "The wait before the first retry; each next one waits twice as long (up to"
                    + " `bulwark.alerts.webhook.backoff-max`), each wait between its half and its whole (jitter,"
                    + " so that many servers do not retry in step). A receiver's `Retry-After` is waited for when"
                    + " longer.",
            "500ms");

    public static final Key<Duration> BACKOFF_MAX = new Key<>(PREFIX + "backoff-max",
            Parsers.duration(Duration.ofMillis(10), Duration.ofHours(1)), "2m",
            "The longest wait between two attempts, a receiver's `Retry-After` included; at least"
                    + " `bulwark.alerts.webhook.backoff`.",
            "10m");

    public static final WebhookKeys CONCERN = new WebhookKeys();

    private WebhookKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(URL, TOKEN, CONNECT_TIMEOUT, TIMEOUT, QUEUE_SIZE, MAX_ATTEMPTS, BACKOFF, BACKOFF_MAX);
    }

    @Override
    public WebhookSettings read(ConfigReader reader) {
        Duration backoff = reader.get(BACKOFF);
        Duration backoffMax = reader.get(BACKOFF_MAX);
        if (backoffMax.compareTo(backoff) < 0) {
            reader.problem(BACKOFF_MAX, "is shorter than " + BACKOFF.name() + " (" + backoff + ")",
                    "a duration at least " + BACKOFF.name());
        }
        return new WebhookSettings(reader.get(URL), reader.get(TOKEN), reader.get(CONNECT_TIMEOUT),
                reader.get(TIMEOUT), reader.get(QUEUE_SIZE), reader.get(MAX_ATTEMPTS), backoff,
                backoffMax.compareTo(backoff) < 0 ? backoff : backoffMax);
    }

    /**
     * An absolute {@code https} URL with a host, no user information (a password in a URL ends up in logs: the token
     * is for that) and no fragment; {@code http} only to a loopback host.
     */
    static ValueParser<URI> url() {
        return Parsers.of("https URL", "an https URL such as https://alerts.example.com/hooks/bulwark (http only to"
                + " localhost, 127.0.0.0/8 or [::1])", raw -> {
            URI uri;
            try {
                uri = new URI(raw);
            } catch (URISyntaxException e) {
                throw new InvalidValueException("not a URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null
                    || !scheme.equals("https") && !scheme.equals("http")) {
                throw new InvalidValueException("not an http(s) URL with a host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidValueException("credentials in the URL (use " + TOKEN.name() + ")");
            }
            if (uri.getRawFragment() != null) {
                throw new InvalidValueException("a fragment in the URL");
            }
            if (scheme.equals("http") && !loopback(uri.getHost())) {
                throw new InvalidValueException("http to a host that is not loopback (https is required)");
            }
            return uri;
        });
    }

    /** {@code localhost}, {@code 127.0.0.0/8} or {@code ::1} (as written: no lookup). */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        byte[] address = dev.bulwark.internal.config.Cidr.literal(h);
        if (address == null) {
            return false;
        }
        if (address.length == 4) {
            return address[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    /** Printable ASCII without spaces (the bearer token's own form, so no header can be forged). */
    private static ValueParser<String> token() {
        return Parsers.of("secret text", "printable ASCII without spaces, at most 1024 characters", raw -> {
            if (raw.isEmpty()) {
                return null;
            }
            if (!TextChecks.isHeaderValue(raw) || raw.indexOf(' ') >= 0) {
                throw new InvalidValueException("not a token of printable ASCII without spaces");
            }
            return raw;
        });
    }

    /** Whether a rotated token's value is acceptable (the same rule as the key's). */
    static boolean validToken(String value) {
        try {
            return token().parse(value) != null;
        } catch (InvalidValueException e) {
            return false;
        }
    }
}
