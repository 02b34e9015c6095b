package dev.bulwark.internal.exposure;

/**
 * Data exposure: whether Bulwark serializes JSON responses through its filter, whether the lint fails the
 * deployment, and the names that never leave.
 */
public record ExposureSettings(boolean enabled, boolean strict, SensitiveNames sensitiveNames) {

    /** The defaults. */
    public static ExposureSettings defaults() {
        return new ExposureSettings(true, false, SensitiveNames.defaults());
    }
}
