package dev.bulwark.internal.correlation;

/**
 * Where correlation ids come from.
 *
 * @param trustIncoming whether a valid incoming trace-id or request id is reused
 * @param header        the request-id header read and written
 */
public record CorrelationSettings(boolean trustIncoming, String header) {
}
