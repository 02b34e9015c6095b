package dev.bulwark.internal.controls;

import dev.bulwark.internal.auth.JwtKeys;
import dev.bulwark.internal.auth.JwtSettings;
import dev.bulwark.internal.authz.AuthzKeys;
import dev.bulwark.internal.authz.AuthzSettings;
import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.cors.CorsKeys;
import dev.bulwark.internal.cors.CorsSettings;
import dev.bulwark.internal.correlation.CorrelationKeys;
import dev.bulwark.internal.correlation.CorrelationSettings;
import dev.bulwark.internal.errors.ErrorKeys;
import dev.bulwark.internal.errors.ErrorSettings;
import dev.bulwark.internal.exposure.ExposureKeys;
import dev.bulwark.internal.exposure.ExposureSettings;
import dev.bulwark.internal.headers.HeaderKeys;
import dev.bulwark.internal.headers.HeaderSettings;
import dev.bulwark.internal.inventory.InventoryKeys;
import dev.bulwark.internal.inventory.InventorySettings;
import dev.bulwark.internal.ratelimit.RateLimitKeys;
import dev.bulwark.internal.ratelimit.RateLimitSettings;
import dev.bulwark.internal.transport.MethodKeys;
import dev.bulwark.internal.transport.MethodSettings;
import dev.bulwark.internal.transport.TransportKeys;
import dev.bulwark.internal.transport.TransportSettings;
import dev.bulwark.internal.validation.ValidationKeys;
import dev.bulwark.internal.validation.ValidationSettings;
import dev.bulwark.internal.versioning.VersioningKeys;
import dev.bulwark.internal.versioning.VersioningSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bulwark's settings, read once at deployment and validated: the master switch and the settings of each
 * {@link Controls#CONCERNS concern}. Immutable.
 */
public final class BulwarkConfig {

    private final boolean enabled;
    private final Map<ConfigConcern<?>, Object> settings;

    /** @param settings the settings each concern of {@link Controls#CONCERNS} read */
    BulwarkConfig(boolean enabled, Map<ConfigConcern<?>, Object> settings) {
        this.enabled = enabled;
        this.settings = Map.copyOf(settings);
    }

    /** The configuration with every key at its default. */
    public static BulwarkConfig defaults() {
        return ConfigLoader.load(key -> Optional.empty()).config();
    }

    /** The master switch: when false Bulwark installs nothing. */
    public boolean enabled() {
        return enabled;
    }

    /** The settings one concern read. */
    public <S> S settings(ConfigConcern<S> concern) {
        @SuppressWarnings("unchecked") // the loader stores what each concern's read returned under that concern
        S s = (S) settings.get(concern);
        if (s == null) {
            throw new IllegalArgumentException("not a concern of Controls.CONCERNS: " + concern);
        }
        return s;
    }

    public ErrorSettings errors() {
        return settings(ErrorKeys.CONCERN);
    }

    public CorrelationSettings correlation() {
        return settings(CorrelationKeys.CONCERN);
    }

    public InventorySettings inventory() {
        return settings(InventoryKeys.CONCERN);
    }

    public TransportSettings transport() {
        return settings(TransportKeys.CONCERN);
    }

    public HeaderSettings headers() {
        return settings(HeaderKeys.CONCERN);
    }

    public CorsSettings cors() {
        return settings(CorsKeys.CONCERN);
    }

    public MethodSettings methods() {
        return settings(MethodKeys.CONCERN);
    }

    public ValidationSettings validation() {
        return settings(ValidationKeys.CONCERN);
    }

    public JwtSettings jwt() {
        return settings(JwtKeys.CONCERN);
    }

    public AuthzSettings authz() {
        return settings(AuthzKeys.CONCERN);
    }

    public RateLimitSettings rateLimiting() {
        return settings(RateLimitKeys.CONCERN);
    }

    public VersioningSettings versioning() {
        return settings(VersioningKeys.CONCERN);
    }

    public ExposureSettings exposure() {
        return settings(ExposureKeys.CONCERN);
    }

    public dev.bulwark.internal.secrets.SecretsSettings secrets() {
        return settings(dev.bulwark.internal.secrets.SecretsKeys.CONCERN);
    }

    public dev.bulwark.internal.apikeys.ApiKeySettings apiKeys() {
        return settings(dev.bulwark.internal.apikeys.ApiKeyKeys.CONCERN);
    }

    /** Which controls only observe ({@code bulwark.observe}). */
    public dev.bulwark.internal.observe.ObserveSettings observe() {
        return settings(dev.bulwark.internal.observe.ObserveKeys.CONCERN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulwarkConfig other && enabled == other.enabled && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, settings);
    }

    @Override
    public String toString() {
        return "BulwarkConfig[enabled=" + enabled + ", " + settings.values() + "]";
    }
}
