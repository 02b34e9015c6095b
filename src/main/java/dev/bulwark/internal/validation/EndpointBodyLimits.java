package dev.bulwark.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The body byte limit of each endpoint, for the servlet layer, which sees a request before JAX-RS has matched it:
 * the request's method and path are matched against the endpoints' path templates following the JAX-RS rules
 * (template variables match one segment, or their own regular expression; the template with the most literal
 * characters, then the most variables, then the most variables with a regular expression wins; a trailing slash
 * and matrix parameters do not count). The request gets the limit of the endpoint it goes to (the largest among
 * equally good matches); a request that goes to no endpoint gets the configured limit. So one endpoint's larger
 * {@code @JsonBodyLimits(maxBytes)} never raises the limit of another.
 */
public final class EndpointBodyLimits {

    /** One endpoint: HTTP method, full path template (context root included) and its byte limit. */
    public record Route(String httpMethod, String template, long maxBytes) {
    }

    private record Compiled(String method, Pattern pattern, int literals, int variables, int regexVariables,
                            long maxBytes) {
    }

    private final long configured;
    private final List<Compiled> routes;

    /** @param configured the limit of requests that go to no endpoint ({@code bulwark.validation.max-body-bytes}) */
    public EndpointBodyLimits(List<Route> routes, long configured) {
        this.configured = configured;
        boolean allConfigured = routes.stream().allMatch(r -> r.maxBytes() == configured);
        List<Compiled> compiled = new ArrayList<>();
        if (!allConfigured) {
            for (Route r : routes) {
                compiled.add(compile(r));
            }
        }
        this.routes = List.copyOf(compiled);
    }

    /** The limit of requests that go to no endpoint. */
    public long configured() {
        return configured;
    }

    /**
     * The limit for a request.
     *
     * @param method  the effective HTTP method
     * @param rawPath the request URI as received (percent-encoded, context root included)
     */
    public long limitFor(String method, String rawPath) {
        if (routes.isEmpty() || rawPath == null) {
            return configured;
        }
        String path = normalize(rawPath);
        if (path == null) {
            return configured;
        }
        String m = method.toUpperCase(Locale.ROOT);
        Compiled best = null;
        long limit = configured;
        for (Compiled c : routes) {
            if (!(c.method().equals(m) || m.equals("HEAD") && c.method().equals("GET"))
                    || !c.pattern().matcher(path).matches()) {
                continue;
            }
            int order = best == null ? -1 : compare(c, best);
            if (order < 0) {
                best = c;
                limit = c.maxBytes();
            } else if (order == 0) {
                limit = Math.max(limit, c.maxBytes());
            }
        }
        return limit;
    }

    /** Negative when {@code a} is matched before {@code b} by JAX-RS. */
    private static int compare(Compiled a, Compiled b) {
        if (a.literals() != b.literals()) {
            return Integer.compare(b.literals(), a.literals());
        }
        if (a.variables() != b.variables()) {
            return Integer.compare(b.variables(), a.variables());
        }
        return Integer.compare(b.regexVariables(), a.regexVariables());
    }

    /** The decoded path without matrix parameters and without a trailing slash; null when it cannot be decoded. */
    static String normalize(String rawPath) {
        StringBuilder out = new StringBuilder(rawPath.length());
        for (String segment : rawPath.split("/", -1)) {
            int semi = segment.indexOf(';');
            String bare = semi < 0 ? segment : segment.substring(0, semi);
            if (out.length() > 0 || !bare.isEmpty() || !segment.isEmpty()) {
                out.append('/').append(bare);
            }
        }
        String decoded = RequestText.decode(out.toString());
        if (decoded == null) {
            return null;
        }
        return dev.bulwark.internal.text.Slashes.collapsed(decoded);
    }

    /** The JAX-RS regular expression of a template: {@code {name}} is one segment, {@code {name: re}} is re. */
    static Compiled compile(Route route) {
        String t = route.template();
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        int variables = 0;
        int regexVariables = 0;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c != '{') {
                int next = t.indexOf('{', i);
                String literal = t.substring(i, next < 0 ? t.length() : next);
                regex.append(Pattern.quote(literal));
                literals += literal.length();
                i = next < 0 ? t.length() : next;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < t.length(); end++) {
                if (t.charAt(end) == '{') {
                    depth++;
                } else if (t.charAt(end) == '}' && --depth == 0) {
                    break;
                }
            }
            String variable = t.substring(i + 1, Math.min(end, t.length()));
            int colon = variable.indexOf(':');
            variables++;
            if (colon < 0) {
                regex.append("([^/]+)");
            } else {
                regexVariables++;
                regex.append('(').append(variable.substring(colon + 1).strip()).append(')');
            }
            i = end + 1;
        }
        String body = regex.toString();
        Pattern pattern = Pattern.compile(body + "/?");
        return new Compiled(route.httpMethod().toUpperCase(Locale.ROOT), pattern, literals, variables,
                regexVariables, route.maxBytes());
    }
}
