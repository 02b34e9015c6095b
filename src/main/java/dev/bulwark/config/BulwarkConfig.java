package dev.bulwark.config;

import java.net.URI;

/** Bulwark's settings, read once at deployment and validated. Immutable. */
public record BulwarkConfig(
        boolean enabled,
        Errors errors,
        Correlation correlation,
        Inventory inventory) {

    public record Errors(URI typeBase, ErrorLogLevel clientLogLevel) {
    }

    public record Correlation(boolean trustIncoming, String header) {
    }

    public record Inventory(boolean log, boolean endpointEnabled, String endpointPath, String endpointRole) {
    }

    /** The configuration with every key at its default. */
    public static BulwarkConfig defaults() {
        return ConfigLoader.load(key -> java.util.Optional.empty()).config();
    }
}
