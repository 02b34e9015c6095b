package dev.bulwark.internal.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One documented setting: its name, value type, default, a description and an example. Each concern lists its
 * keys in its {@link ConfigConcern}; docs/configuration.md is generated from them.
 *
 * @param defaultValue the raw default, parsed like a configured value; null when the key is unset by default
 * @param description  the Meaning column of docs/configuration.md (Markdown)
 * @param <T>          the typed value
 */
public record Key<T>(String name, ValueParser<T> parser, String defaultValue, String description, String example) {

    public Key {
        Objects.requireNonNull(name);
        Objects.requireNonNull(parser);
        Objects.requireNonNull(description);
        Objects.requireNonNull(example);
        if (!name.matches("[a-z0-9]+(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("not a dotted lower-case key name: " + name);
        }
    }

    /** The short label of the value type, from the parser (the Type column of docs/configuration.md). */
    public String type() {
        return parser.type();
    }

    /**
     * True when the key names something that must never be echoed (a password, secret, pepper, token or key, a URL
     * that may hold credentials or a secret path).
     */
    public boolean secret() {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("secret") || n.contains("password") || n.contains("pepper") || n.contains("token") || n.endsWith(".key")
                || n.contains("credential") || n.contains("private") || n.endsWith(".redis.url")
                || n.endsWith(".webhook.url"); // a webhook's path is often its secret, and a URL may carry credentials
    }
}
