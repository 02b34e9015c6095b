package dev.bulwark.internal.errors;

import java.net.URI;
import java.time.Duration;

/**
 * How problem responses are typed and logged.
 *
 * @param summaryInterval the window of the 4xx summary lines; zero when they are off
 */
public record ErrorSettings(URI typeBase, ErrorLogLevel clientLogLevel, Duration summaryInterval) {
}
