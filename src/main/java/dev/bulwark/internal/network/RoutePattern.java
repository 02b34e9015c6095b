package dev.bulwark.internal.network;

import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;

/**
 * A path a route policy covers, below the context root: exact ({@code /health}) or a prefix ({@code /admin/*}
 * covers {@code /admin} and everything under it; {@code /*} covers every path). Matched against the path the
 * container maps the request with (servlet path and path info: decoded, dot segments resolved, path parameters
 * removed), with repeated slashes and a trailing slash dropped, so {@code /public/../admin}, {@code /admin;x=1} and
 * {@code //admin/} are {@code /admin}.
 *
 * @param path   the path without the {@code /*}
 * @param prefix true for a {@code /*} pattern
 */
public record RoutePattern(String path, boolean prefix) {

    /** The parser of one pattern. */
    public static ValueParser<RoutePattern> parser() {
        return Parsers.of("path pattern", "a path such as /health, or a prefix such as /admin/* or /* (letters,"
                + " digits, '.', '_', '~', '-' in each segment)", raw -> {
                    String p = raw.strip();
                    if (p.equals("/*")) {
                        return new RoutePattern("", true);
                    }
                    boolean prefix = p.endsWith("/*");
                    String path = prefix ? p.substring(0, p.length() - 2) : p;
                    if (!path.matches("(/[A-Za-z0-9._~-]+)+") || path.matches(".*/\\.{1,2}(/.*)?")) {
                        throw new InvalidValueException("not a path or a path/* prefix");
                    }
                    return new RoutePattern(path, prefix);
                });
    }

    /** Whether the normalized request path is covered. */
    public boolean matches(String normalizedPath) {
        if (!prefix) {
            return normalizedPath.equals(path);
        }
        return path.isEmpty() || normalizedPath.equals(path)
                || normalizedPath.startsWith(path) && normalizedPath.charAt(path.length()) == '/';
    }

    /**
     * The path as patterns see it: repeated slashes as one, no trailing slash ({@code /} stays), never null.
     *
     * @param containerPath the servlet path followed by the path info
     */
    public static String normalize(String containerPath) {
        if (containerPath == null || containerPath.isEmpty()) {
            return "/";
        }
        String p = dev.bulwark.internal.text.Slashes.collapsed(containerPath);
        return p.startsWith("/") ? p : "/" + p;
    }

    @Override
    public String toString() {
        return prefix ? path + "/*" : path;
    }
}
