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
                    + " loopback host as written (a local agent): the name `localhost` (any case, no trailing dot),"
                    + " a `127.0.0.0/8` address in four decimal numbers, or `[::1]`; no other spelling (`127.1`,"
                    + " `0x7f000001`, `[::ffff:127.0.0.1]`, `localhost.`). Unset: no webhook. Needs"
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
                + " localhost, a 127.0.0.0/8 address such as 127.0.0.1, or [::1])", raw -> {
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

    /**
     * A loopback host as written, with no lookup: the exact name {@code localhost} (any case; {@code localhost.}, a
     * fully qualified name that a resolver may send elsewhere, is not), an IPv4 literal of {@code 127.0.0.0/8} in its
     * plain form (four decimal numbers without leading zeros: {@code 127.1}, {@code 0x7f000001}, {@code 2130706433}
     * and {@code 0177.0.0.1} are not, whatever some resolvers make of them) or the IPv6 literal {@code [::1]} (any
     * spelling of that address, but not an IPv4-mapped or -compatible one such as {@code [::ffff:127.0.0.1]}).
     */
    static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
            byte[] address = dev.bulwark.internal.config.Cidr.literal(host.substring(1, host.length() - 1));
            return address != null && address.length == 16 && java.util.Arrays.equals(address, IPV6_LOOPBACK);
        }
        if (host.indexOf(':') >= 0) {
            return false;
        }
        byte[] address = dev.bulwark.internal.config.Cidr.literal(host);
        return address != null && address.length == 4 && address[0] == 127;
    }

    private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

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
}
