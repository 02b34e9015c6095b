package dev.bulwark.internal.errors;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The keys of problem responses and their logging ({@code bulwark.errors.*}). */
public final class ErrorKeys implements ConfigConcern<ErrorSettings> {

    public static final Key<URI> TYPE_BASE = new Key<>("bulwark.errors.type-base-uri", Parsers.absoluteUri(),
            "urn:bulwark:problem:",
            "Prefix of the RFC 9457 `type` member for Bulwark's specific problem types (`validation`, "
                    + "`malformed-body`). Plain status errors use `about:blank`.",
            "https://api.example.com/problems/");

    public static final Key<ErrorLogLevel> CLIENT_LOG_LEVEL = new Key<>("bulwark.errors.client-log-level",
            Parsers.enumOf(ErrorLogLevel.class), "FINE",
            "Log level of the one server-side line written for each 4xx problem response (with its "
                    + "correlation id, real reason and caller: client address or verified subject). FINE by default, "
                    + "so that a flood of refused requests cannot flood the log: the summary lines below count them "
                    + "at INFO. 5xx are always logged at SEVERE with the full exception. See "
                    + "[errors.md](errors.md#logging).",
            "INFO");

    public static final Key<Duration> SUMMARY_INTERVAL = new Key<>("bulwark.errors.summary-interval",
            Parsers.duration(Duration.ZERO, Duration.ofHours(1)), "1m",
            "Window of the 4xx summary: one INFO line per status and window, with the count and the last "
                    + "one's correlation id, caller (client address or verified subject) and reason. `0s` switches "
                    + "the summary off. Also how often a caller that spends its refusal budget can be named again in "
                    + "its WARNING line (once per budget window when the summary is off).",
            "5m");

    public static final ErrorKeys CONCERN = new ErrorKeys();

    private ErrorKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(TYPE_BASE, CLIENT_LOG_LEVEL, SUMMARY_INTERVAL);
    }

    @Override
    public ErrorSettings read(ConfigReader reader) {
        return new ErrorSettings(reader.get(TYPE_BASE), reader.get(CLIENT_LOG_LEVEL), reader.get(SUMMARY_INTERVAL));
    }
}
