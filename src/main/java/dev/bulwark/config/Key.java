package dev.bulwark.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One documented Bulwark setting: its name, value type, default, a description and an example.
 * {@link ConfigKeys#ALL} lists every key; docs/configuration.md is checked against that list by a test.
 *
 * @param <T> the typed value
 */
public record Key<T>(String name, ValueParser<T> parser, String defaultValue, String description, String example) {

    public Key {
        Objects.requireNonNull(name);
        Objects.requireNonNull(parser);
        Objects.requireNonNull(description);
        if (!name.startsWith("bulwark.")) {
            throw new IllegalArgumentException("Bulwark keys start with 'bulwark.': " + name);
        }
    }

    /** True when the key names something that must never be echoed (a password, secret, token or key). */
    public boolean secret() {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("secret") || n.contains("password") || n.contains("token") || n.endsWith(".key")
                || n.contains("credential") || n.contains("private") || n.endsWith(".redis.url");
    }
}
