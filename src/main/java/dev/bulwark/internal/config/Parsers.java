package dev.bulwark.internal.config;

import dev.bulwark.internal.text.TextChecks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The value types a Bulwark setting can have. Every parser is strict: no silent coercion. */
public final class Parsers {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final Pattern HEADER_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

    private Parsers() {
    }

    public static ValueParser<Boolean> bool() {
        return of("boolean", "true or false", raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidValueException("not a boolean");
        });
    }

    public static ValueParser<Integer> intRange(int min, int max) {
        return of("integer " + min + " to " + max, "an integer from " + min + " to " + max, raw -> {
            final int value;
            try {
                value = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw new InvalidValueException("not an integer");
            }
            if (value < min || value > max) {
                throw new InvalidValueException(value < min ? "below the minimum " + min : "above the maximum " + max);
            }
            return value;
        });
    }

    /** Durations as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
    public static ValueParser<Duration> duration(Duration min, Duration max) {
        return of("duration " + shortForm(min) + " to " + shortForm(max),
                "a duration such as 500ms, 30s, 15m, 2h, 1d or PT15M, from " + min + " to " + max, raw -> {
            Duration value = parseDuration(raw);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new InvalidValueException("out of range");
            }
            return value;
        });
    }

    private static Duration parseDuration(String raw) throws InvalidValueException {
        var m = SHORT_DURATION.matcher(raw);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            if (raw.length() > 64) {
                throw new InvalidValueException("not a duration");
            }
            Duration d = Duration.parse(raw);
            if (d.isNegative()) {
                throw new InvalidValueException("negative duration");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("not a duration");
        }
    }

    public static <E extends Enum<E>> ValueParser<E> enumOf(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return of("enum: " + String.join(", ", names), "one of " + String.join(", ", names), raw -> {
            String normalized = raw.toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(normalized)) {
                    return constant;
                }
            }
            throw new InvalidValueException("unknown value");
        });
    }

    /** A comma-separated list of IPv4/IPv6 CIDR blocks (or single addresses); empty means none. */
    public static ValueParser<List<Cidr>> cidrList() {
        return of("CIDR list",
                "a comma-separated list of CIDR blocks such as 10.0.0.0/8, 192.168.1.7, ::1/128", raw -> {
            List<Cidr> blocks = new ArrayList<>();
            for (String part : raw.split(",", -1)) {
                String item = part.trim();
                if (item.isEmpty()) {
                    if (raw.isBlank()) {
                        continue;
                    }
                    throw new InvalidValueException("empty list entry");
                }
                blocks.add(Cidr.parse(item));
            }
            return List.copyOf(blocks);
        });
    }

    /** An absolute URI (with a scheme), such as {@code https://example.com/problems/} or {@code urn:example:}. */
    public static ValueParser<URI> absoluteUri() {
        return of("absolute URI",
                "an absolute URI such as https://api.example.com/problems/ or urn:example:problem:", raw -> {
            try {
                URI uri = new URI(raw);
                if (!uri.isAbsolute()) {
                    throw new InvalidValueException("not an absolute URI");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new InvalidValueException("not a URI");
            }
        });
    }

    /** An HTTP header field name (an RFC 9110 token). */
    public static ValueParser<String> headerName() {
        return of("HTTP header name", "an HTTP header name (letters, digits and !#$%&'*+.^_`|~-, at most 64)", raw -> {
            if (!HEADER_TOKEN.matcher(raw).matches()) {
                throw new InvalidValueException("not a valid header name");
            }
            return raw;
        });
    }

    /** A content coding name (an RFC 9110 token such as gzip or deflate), lower-cased. */
    public static ValueParser<String> contentCoding() {
        return of("content coding", "a content coding such as gzip (letters, digits and !#$%&'*+.^_`|~-)", raw -> {
            if (!HEADER_TOKEN.matcher(raw).matches()) {
                throw new InvalidValueException("not a valid content coding");
            }
            return raw.toLowerCase(java.util.Locale.ROOT);
        });
    }

    /** A URL path below the application's context root, starting with '/'. */
    public static ValueParser<String> path() {
        return of("path", "a path such as /bulwark/inventory (letters, digits, '/', '-', '_', '.')", raw -> {
            if (!raw.matches("(/[A-Za-z0-9._-]+)+") || raw.contains("/../") || raw.endsWith("/..")) {
                throw new InvalidValueException("not a valid path");
            }
            return raw;
        });
    }

    /** A Redis URL ({@code redis://} or {@code rediss://}); it may hold a password, so it is never echoed. */
    public static ValueParser<String> redisUrl() {
        return of("Redis URL",
                "redis://host:port or rediss://host:port (with optional user:password@ and /database)", raw -> {
            try {
                URI uri = new URI(raw);
                if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new InvalidValueException("not a redis:// or rediss:// URL");
                }
                return raw;
            } catch (URISyntaxException e) {
                throw new InvalidValueException("not a URL");
            }
        });
    }

    /** A JWT claim name. */
    public static ValueParser<String> claimName() {
        return of("claim name", "a claim name (letters, digits, '_', '-', ':', '.', at most 64)", raw -> {
            if (!raw.matches("[A-Za-z0-9_:.-]{1,64}")) {
                throw new InvalidValueException("not a valid claim name");
            }
            return raw;
        });
    }

    /** An HTTP authentication scheme other than Bearer (RFC 9110 token), kept in lower case. */
    public static ValueParser<String> authScheme() {
        return of("authentication scheme", "an authentication scheme such as Basic (not Bearer)", raw -> {
            if (!HEADER_TOKEN.matcher(raw).matches()) {
                throw new InvalidValueException("not a valid authentication scheme");
            }
            if (raw.equalsIgnoreCase("bearer")) {
                throw new InvalidValueException("Bearer is always accepted and checked; list only other schemes");
            }
            return raw.toLowerCase(java.util.Locale.ROOT);
        });
    }

    /** A role name as used in {@code @RolesAllowed}. */
    public static ValueParser<String> roleName() {
        return of("role name", "a role name (letters, digits, '.', '_', ':', '-', at most 128)", raw -> {
            if (!raw.matches("[A-Za-z0-9._:-]{1,128}")) {
                throw new InvalidValueException("not a valid role name");
            }
            return raw;
        });
    }

    /** One of a fixed set of names, exactly as written (case matters: JWS algorithm names). */
    public static ValueParser<String> enumNames(String... names) {
        List<String> allowed = List.of(names);
        return of(alternatives(allowed, ""), "one of " + String.join(", ", names), raw -> {
            if (!allowed.contains(raw)) {
                throw new InvalidValueException("unknown value");
            }
            return raw;
        });
    }

    /**
     * A comma-separated list of items each checked by {@code item}; empty means none.
     *
     * @param items what the items are, in the plural ({@code HTTP methods}): the type is "list of" them
     */
    public static <T> ValueParser<List<T>> listOf(ValueParser<T> item, String items) {
        return of("list of " + items, "a comma-separated list of " + items + ", each " + item.acceptedForm(), raw -> {
            List<T> out = new ArrayList<>();
            if (raw.isBlank()) {
                return List.of();
            }
            for (String part : raw.split(",", -1)) {
                if (part.isBlank()) {
                    throw new InvalidValueException("empty list entry");
                }
                try {
                    out.add(item.parse(part));
                } catch (InvalidValueException e) {
                    // which entry: the whole value alone does not say
                    throw new InvalidValueException(e.getMessage() + " '"
                            + dev.bulwark.internal.logging.SafeLog.printable(part.strip(), 40) + "' in the list");
                }
            }
            return List.copyOf(out);
        });
    }

    /** An HTTP method name (upper-case token). TRACE, TRACK and CONNECT are never accepted. */
    public static ValueParser<String> httpMethod() {
        return of("HTTP method", "an HTTP method such as GET (TRACE, TRACK and CONNECT are refused)", raw -> {
            String m = raw.toUpperCase(java.util.Locale.ROOT);
            if (!m.matches("[A-Z]{1,20}")) {
                throw new InvalidValueException("not an HTTP method");
            }
            if (m.equals("TRACE") || m.equals("TRACK") || m.equals("CONNECT")) {
                throw new InvalidValueException(m + " is never allowed");
            }
            return m;
        });
    }

    /**
     * A browser origin, {@code scheme://host[:port]} with scheme http or https, no path, no trailing slash, or the
     * single wildcard {@code *}. {@code null} is refused: sandboxed documents and file URLs all send it.
     */
    public static ValueParser<String> origin() {
        return of("origin", "an origin such as https://app.example.com or https://app.example.com:8443 (or *)", raw -> {
            if (raw.equals("*")) {
                return raw;
            }
            if (raw.equalsIgnoreCase("null")) {
                throw new InvalidValueException("the 'null' origin is never allowed");
            }
            if (!raw.matches("https?://([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*"
                    + "(:\\d{1,5})?|https?://\\[[0-9a-f:.]+\\](:\\d{1,5})?")) {
                throw new InvalidValueException("not a lower-case origin (scheme://host[:port], no path)");
            }
            return raw;
        });
    }

    /**
     * A response header value: printable ASCII (no control characters, so no header injection), at most 1024
     * characters; {@code off} switches the header off (returned as null).
     */
    public static ValueParser<String> headerValue() {
        return of("header value or `off`",
                "a header value of printable ASCII (at most 1024 characters), or off", raw -> {
            if (raw.equalsIgnoreCase("off")) {
                return null;
            }
            if (!TextChecks.isHeaderValue(raw)) {
                throw new InvalidValueException("not a printable ASCII header value");
            }
            return raw;
        });
    }

    /** A header value restricted to a fixed set of safe values (case-insensitive), or {@code off}. */
    public static ValueParser<String> headerValueOneOf(String... allowed) {
        return of(alternatives(List.of(allowed), "off"), "one of " + String.join(", ", allowed) + ", or off", raw -> {
            if (raw.equalsIgnoreCase("off")) {
                return null;
            }
            for (String a : allowed) {
                if (a.equalsIgnoreCase(raw)) {
                    return a;
                }
            }
            throw new InvalidValueException("not an accepted value");
        });
    }

    /**
     * A Strict-Transport-Security value whose max-age is at least one year (shorter is too weak to deploy), with
     * optional includeSubDomains and preload; or {@code off}.
     */
    public static ValueParser<String> hsts() {
        return of("HSTS value or `off`",
                "max-age=<seconds, at least 31536000>[; includeSubDomains][; preload], or off", raw -> {
            if (raw.equalsIgnoreCase("off")) {
                return null;
            }
            var m = Pattern.compile("(?i)max-age=(\\d{1,10})(\\s*;\\s*includeSubDomains)?(\\s*;\\s*preload)?")
                    .matcher(raw);
            if (!m.matches()) {
                throw new InvalidValueException("not a Strict-Transport-Security value");
            }
            if (Long.parseLong(m.group(1)) < 31_536_000L) {
                throw new InvalidValueException("max-age below one year is too weak");
            }
            return raw;
        });
    }

    /** Any text (stripped of surrounding white space), for a value another component interprets. */
    public static ValueParser<String> text() {
        return of("text", "any text", String::strip); // Unicode white space too, as MicroProfile JWT reads it
    }

    /** The check of one raw value (already trimmed): its typed value, or why it has none. */
    @FunctionalInterface
    public interface Parse<T> {
        T apply(String raw) throws InvalidValueException;
    }

    /**
     * A parser of a concern's own value type: {@code parse} gets the value with surrounding white space removed.
     *
     * @param type the short label for the Type column of docs/configuration.md
     * @param form the accepted form, shown in deployment errors
     */
    public static <T> ValueParser<T> of(String type, String form, Parse<T> parse) {
        return new ValueParser<>() {
            @Override
            public T parse(String raw) throws InvalidValueException {
                return parse.apply(raw.trim());
            }

            @Override
            public String acceptedForm() {
                return form;
            }

            @Override
            public String type() {
                return type;
            }
        };
    }

    /** {@code `a`, `b` or `c`}; {@code last} (when not empty) is the final alternative. */
    private static String alternatives(List<String> values, String last) {
        List<String> all = new ArrayList<>(values);
        if (!last.isEmpty()) {
            all.add(last);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            out.append(i == 0 ? "" : i == all.size() - 1 ? " or " : ", ").append('`').append(all.get(i)).append('`');
        }
        return out.toString();
    }

    /** A duration as the short form writes it: {@code 0s}, {@code 500ms}, {@code 30s}, {@code 5m}, {@code 24h}. */
    private static String shortForm(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long seconds = d.toSeconds();
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
