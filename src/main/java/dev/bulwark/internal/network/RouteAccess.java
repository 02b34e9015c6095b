package dev.bulwark.internal.network;

import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import java.util.Locale;

/**
 * What a route policy requires of the caller ({@code bulwark.routes.<name>.access}). Added to what the endpoints'
 * annotations require, never in place of it: {@code public} opens nothing an annotation closes.
 */
public enum RouteAccess {
    /** The route requires nothing of the caller itself (its endpoints' annotations still apply). */
    PUBLIC,
    /** A caller must be authenticated: a verified token or API key, or the container's principal. */
    AUTHENTICATED,
    /** Every request is refused, whoever sends it. */
    DENY;

    /** The parser of the key: {@code public}, {@code authenticated} or {@code deny}. */
    public static ValueParser<RouteAccess> parser() {
        ValueParser<String> names = Parsers.enumNames("public", "authenticated", "deny");
        return Parsers.of(names.type(), names.acceptedForm(),
                raw -> valueOf(names.parse(raw.toLowerCase(Locale.ROOT)).toUpperCase(Locale.ROOT)));
    }

    /** Its name in the configuration. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
